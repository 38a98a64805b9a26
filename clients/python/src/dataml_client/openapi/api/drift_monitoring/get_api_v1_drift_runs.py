from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_403 import Error403
from ...models.error_404 import Error404
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...models.list_drift_runs_response import ListDriftRunsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    train_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["train_id"] = train_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/drift-runs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListDriftRunsResponse
    | None
):
    if response.status_code == 200:
        response_200 = ListDriftRunsResponse.from_dict(response.json())

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
    | Error422
    | Error503
    | ListDriftRunsResponse
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
    train_id: int | Unset = UNSET,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListDriftRunsResponse
]:
    """The tenant's drift runs, newest first (at most 100)

    Args:
        train_id (int | Unset):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListDriftRunsResponse]
    """

    kwargs = _get_kwargs(
        train_id=train_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    train_id: int | Unset = UNSET,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListDriftRunsResponse
    | None
):
    """The tenant's drift runs, newest first (at most 100)

    Args:
        train_id (int | Unset):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListDriftRunsResponse
    """

    return sync_detailed(
        client=client,
        train_id=train_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    train_id: int | Unset = UNSET,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListDriftRunsResponse
]:
    """The tenant's drift runs, newest first (at most 100)

    Args:
        train_id (int | Unset):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListDriftRunsResponse]
    """

    kwargs = _get_kwargs(
        train_id=train_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    train_id: int | Unset = UNSET,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListDriftRunsResponse
    | None
):
    """The tenant's drift runs, newest first (at most 100)

    Args:
        train_id (int | Unset):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListDriftRunsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            train_id=train_id,
        )
    ).parsed
