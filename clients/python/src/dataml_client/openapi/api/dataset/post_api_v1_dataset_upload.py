from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
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
from ...models.post_api_v1_dataset_upload_body import PostApiV1DatasetUploadBody
from ...models.post_api_v1_dataset_upload_usage import PostApiV1DatasetUploadUsage
from ...models.upload_dataset_response import UploadDatasetResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PostApiV1DatasetUploadBody,
    dataset_name: str,
    usage: PostApiV1DatasetUploadUsage,
    template_id: int | Unset = UNSET,
    iceberg_table_name: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["dataset_name"] = dataset_name

    json_usage = usage.value
    params["usage"] = json_usage

    params["template_id"] = template_id

    params["iceberg_table_name"] = iceberg_table_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/dataset/upload",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

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
    | UploadDatasetResponse
    | None
):
    if response.status_code == 201:
        response_201 = UploadDatasetResponse.from_dict(response.json())

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
    | UploadDatasetResponse
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
    body: PostApiV1DatasetUploadBody,
    dataset_name: str,
    usage: PostApiV1DatasetUploadUsage,
    template_id: int | Unset = UNSET,
    iceberg_table_name: str | Unset = UNSET,
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
    | UploadDatasetResponse
]:
    """6.1 Upload Dataset

     Streams the file(s) to S3 (tenants/<tenant>/datasets/<id>/raw/) and starts the upload-validate
    workflow; answers at once (validation is asynchronous: poll 7.2 / 6.2). `usage`: t = training, p =
    prediction. Without `template_id` a template is inferred from the first file and stored. Adds
    `workflow_id`.

    Args:
        dataset_name (str):  Example: forecast-p11.
        usage (PostApiV1DatasetUploadUsage):
        template_id (int | Unset):  Example: 2.
        iceberg_table_name (str | Unset):  Example: forecast_p11_iceberg.
        body (PostApiV1DatasetUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error429 | Error503 | UploadDatasetResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        dataset_name=dataset_name,
        usage=usage,
        template_id=template_id,
        iceberg_table_name=iceberg_table_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PostApiV1DatasetUploadBody,
    dataset_name: str,
    usage: PostApiV1DatasetUploadUsage,
    template_id: int | Unset = UNSET,
    iceberg_table_name: str | Unset = UNSET,
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
    | UploadDatasetResponse
    | None
):
    """6.1 Upload Dataset

     Streams the file(s) to S3 (tenants/<tenant>/datasets/<id>/raw/) and starts the upload-validate
    workflow; answers at once (validation is asynchronous: poll 7.2 / 6.2). `usage`: t = training, p =
    prediction. Without `template_id` a template is inferred from the first file and stored. Adds
    `workflow_id`.

    Args:
        dataset_name (str):  Example: forecast-p11.
        usage (PostApiV1DatasetUploadUsage):
        template_id (int | Unset):  Example: 2.
        iceberg_table_name (str | Unset):  Example: forecast_p11_iceberg.
        body (PostApiV1DatasetUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error429 | Error503 | UploadDatasetResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        dataset_name=dataset_name,
        usage=usage,
        template_id=template_id,
        iceberg_table_name=iceberg_table_name,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PostApiV1DatasetUploadBody,
    dataset_name: str,
    usage: PostApiV1DatasetUploadUsage,
    template_id: int | Unset = UNSET,
    iceberg_table_name: str | Unset = UNSET,
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
    | UploadDatasetResponse
]:
    """6.1 Upload Dataset

     Streams the file(s) to S3 (tenants/<tenant>/datasets/<id>/raw/) and starts the upload-validate
    workflow; answers at once (validation is asynchronous: poll 7.2 / 6.2). `usage`: t = training, p =
    prediction. Without `template_id` a template is inferred from the first file and stored. Adds
    `workflow_id`.

    Args:
        dataset_name (str):  Example: forecast-p11.
        usage (PostApiV1DatasetUploadUsage):
        template_id (int | Unset):  Example: 2.
        iceberg_table_name (str | Unset):  Example: forecast_p11_iceberg.
        body (PostApiV1DatasetUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error429 | Error503 | UploadDatasetResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        dataset_name=dataset_name,
        usage=usage,
        template_id=template_id,
        iceberg_table_name=iceberg_table_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PostApiV1DatasetUploadBody,
    dataset_name: str,
    usage: PostApiV1DatasetUploadUsage,
    template_id: int | Unset = UNSET,
    iceberg_table_name: str | Unset = UNSET,
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
    | UploadDatasetResponse
    | None
):
    """6.1 Upload Dataset

     Streams the file(s) to S3 (tenants/<tenant>/datasets/<id>/raw/) and starts the upload-validate
    workflow; answers at once (validation is asynchronous: poll 7.2 / 6.2). `usage`: t = training, p =
    prediction. Without `template_id` a template is inferred from the first file and stored. Adds
    `workflow_id`.

    Args:
        dataset_name (str):  Example: forecast-p11.
        usage (PostApiV1DatasetUploadUsage):
        template_id (int | Unset):  Example: 2.
        iceberg_table_name (str | Unset):  Example: forecast_p11_iceberg.
        body (PostApiV1DatasetUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error429 | Error503 | UploadDatasetResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dataset_name=dataset_name,
            usage=usage,
            template_id=template_id,
            iceberg_table_name=iceberg_table_name,
        )
    ).parsed
