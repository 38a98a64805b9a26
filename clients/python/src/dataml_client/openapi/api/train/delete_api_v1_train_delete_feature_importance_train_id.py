from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_feature_importance_response import DeleteFeatureImportanceResponse
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_403 import Error403
from ...models.error_404 import Error404
from ...models.error_409 import Error409
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...types import Response


def _get_kwargs(
    train_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/train/delete-feature-importance/{train_id}".format(
            train_id=quote(str(train_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    DeleteFeatureImportanceResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | None
):
    if response.status_code == 200:
        response_200 = DeleteFeatureImportanceResponse.from_dict(response.json())

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
    DeleteFeatureImportanceResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    train_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[
    DeleteFeatureImportanceResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
]:
    """8.12 Delete Feature Importance

    Args:
        train_id (int):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteFeatureImportanceResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        train_id=train_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    train_id: int,
    *,
    client: AuthenticatedClient,
) -> (
    DeleteFeatureImportanceResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | None
):
    """8.12 Delete Feature Importance

    Args:
        train_id (int):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteFeatureImportanceResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503
    """

    return sync_detailed(
        train_id=train_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    train_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[
    DeleteFeatureImportanceResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
]:
    """8.12 Delete Feature Importance

    Args:
        train_id (int):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteFeatureImportanceResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        train_id=train_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    train_id: int,
    *,
    client: AuthenticatedClient,
) -> (
    DeleteFeatureImportanceResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | None
):
    """8.12 Delete Feature Importance

    Args:
        train_id (int):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteFeatureImportanceResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503
    """

    return (
        await asyncio_detailed(
            train_id=train_id,
            client=client,
        )
    ).parsed
