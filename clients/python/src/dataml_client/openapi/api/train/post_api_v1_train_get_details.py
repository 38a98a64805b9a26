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
from ...models.error_503 import Error503
from ...models.get_training_details_body import GetTrainingDetailsBody
from ...models.get_training_details_response import GetTrainingDetailsResponse
from ...types import Response


def _get_kwargs(
    *,
    body: GetTrainingDetailsBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/train/get_details",
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
    | Error503
    | GetTrainingDetailsResponse
    | None
):
    if response.status_code == 200:
        response_200 = GetTrainingDetailsResponse.from_dict(response.json())

        return response_200

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
    | Error503
    | GetTrainingDetailsResponse
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
    body: GetTrainingDetailsBody,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | GetTrainingDetailsResponse
]:
    """8.2 Get Details for Training

     The dataset's columns (from the template version it was validated against) and the roles a user may
    assign.

    Args:
        body (GetTrainingDetailsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | GetTrainingDetailsResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: GetTrainingDetailsBody,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | GetTrainingDetailsResponse
    | None
):
    """8.2 Get Details for Training

     The dataset's columns (from the template version it was validated against) and the roles a user may
    assign.

    Args:
        body (GetTrainingDetailsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | GetTrainingDetailsResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GetTrainingDetailsBody,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | GetTrainingDetailsResponse
]:
    """8.2 Get Details for Training

     The dataset's columns (from the template version it was validated against) and the roles a user may
    assign.

    Args:
        body (GetTrainingDetailsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | GetTrainingDetailsResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GetTrainingDetailsBody,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | GetTrainingDetailsResponse
    | None
):
    """8.2 Get Details for Training

     The dataset's columns (from the template version it was validated against) and the roles a user may
    assign.

    Args:
        body (GetTrainingDetailsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | GetTrainingDetailsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
