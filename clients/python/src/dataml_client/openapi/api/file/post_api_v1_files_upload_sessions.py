from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_upload_session_body import CreateUploadSessionBody
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_403 import Error403
from ...models.error_404 import Error404
from ...models.error_409 import Error409
from ...models.error_413 import Error413
from ...models.error_415 import Error415
from ...models.error_422 import Error422
from ...models.error_429 import Error429
from ...models.error_503 import Error503
from ...models.upload_session import UploadSession
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: CreateUploadSessionBody,
    dataset_id: int,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["dataset_id"] = dataset_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/files/upload_sessions",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | UploadSession
    | None
):
    if response.status_code == 201:
        response_201 = UploadSession.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error400.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error401.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error403.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error404.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error413.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error415.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Error422.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error429.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error503.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | UploadSession
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateUploadSessionBody,
    dataset_id: int,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | UploadSession
]:
    """Open an upload session (not in the seed): upload a large file straight to S3

     Starts an S3 multipart upload for one file of the dataset and answers a presigned PUT URL per part
    (`missing_parts`). Upload the parts in any order, in parallel, each with exactly its `size`; after a
    dropped connection GET the session to see which parts S3 already holds (and fresh URLs for the
    others); then POST `.../complete`, which starts the validation like 7.1. A session not completed by
    `expires_at` is aborted with its parts.

    Args:
        dataset_id (int):  Example: 101.
        body (CreateUploadSessionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error429 | Error503 | UploadSession]
    """

    kwargs = _get_kwargs(
        body=body,
        dataset_id=dataset_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateUploadSessionBody,
    dataset_id: int,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | UploadSession
    | None
):
    """Open an upload session (not in the seed): upload a large file straight to S3

     Starts an S3 multipart upload for one file of the dataset and answers a presigned PUT URL per part
    (`missing_parts`). Upload the parts in any order, in parallel, each with exactly its `size`; after a
    dropped connection GET the session to see which parts S3 already holds (and fresh URLs for the
    others); then POST `.../complete`, which starts the validation like 7.1. A session not completed by
    `expires_at` is aborted with its parts.

    Args:
        dataset_id (int):  Example: 101.
        body (CreateUploadSessionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error429 | Error503 | UploadSession
    """

    return sync_detailed(
        client=client,
        body=body,
        dataset_id=dataset_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateUploadSessionBody,
    dataset_id: int,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | UploadSession
]:
    """Open an upload session (not in the seed): upload a large file straight to S3

     Starts an S3 multipart upload for one file of the dataset and answers a presigned PUT URL per part
    (`missing_parts`). Upload the parts in any order, in parallel, each with exactly its `size`; after a
    dropped connection GET the session to see which parts S3 already holds (and fresh URLs for the
    others); then POST `.../complete`, which starts the validation like 7.1. A session not completed by
    `expires_at` is aborted with its parts.

    Args:
        dataset_id (int):  Example: 101.
        body (CreateUploadSessionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error429 | Error503 | UploadSession]
    """

    kwargs = _get_kwargs(
        body=body,
        dataset_id=dataset_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateUploadSessionBody,
    dataset_id: int,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | UploadSession
    | None
):
    """Open an upload session (not in the seed): upload a large file straight to S3

     Starts an S3 multipart upload for one file of the dataset and answers a presigned PUT URL per part
    (`missing_parts`). Upload the parts in any order, in parallel, each with exactly its `size`; after a
    dropped connection GET the session to see which parts S3 already holds (and fresh URLs for the
    others); then POST `.../complete`, which starts the validation like 7.1. A session not completed by
    `expires_at` is aborted with its parts.

    Args:
        dataset_id (int):  Example: 101.
        body (CreateUploadSessionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error429 | Error503 | UploadSession
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dataset_id=dataset_id,
        )
    ).parsed
