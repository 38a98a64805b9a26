from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...models.refresh_token_response import RefreshTokenResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    refresh_token: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["refresh_token"] = refresh_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/refresh",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error400 | Error401 | Error422 | Error503 | RefreshTokenResponse | None:
    if response.status_code == 200:
        response_200 = RefreshTokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error400.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error401.from_dict(response.json())

        return response_401

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
) -> Response[Error400 | Error401 | Error422 | Error503 | RefreshTokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    refresh_token: str,
) -> Response[Error400 | Error401 | Error422 | Error503 | RefreshTokenResponse]:
    """1.3 Refresh Token

     Exchanges a refresh token for a new access token and a new refresh token (rotation: the old one is
    spent). Presenting a spent refresh token revokes the whole session.

    Args:
        refresh_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error422 | Error503 | RefreshTokenResponse]
    """

    kwargs = _get_kwargs(
        refresh_token=refresh_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    refresh_token: str,
) -> Error400 | Error401 | Error422 | Error503 | RefreshTokenResponse | None:
    """1.3 Refresh Token

     Exchanges a refresh token for a new access token and a new refresh token (rotation: the old one is
    spent). Presenting a spent refresh token revokes the whole session.

    Args:
        refresh_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error422 | Error503 | RefreshTokenResponse
    """

    return sync_detailed(
        client=client,
        refresh_token=refresh_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    refresh_token: str,
) -> Response[Error400 | Error401 | Error422 | Error503 | RefreshTokenResponse]:
    """1.3 Refresh Token

     Exchanges a refresh token for a new access token and a new refresh token (rotation: the old one is
    spent). Presenting a spent refresh token revokes the whole session.

    Args:
        refresh_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error422 | Error503 | RefreshTokenResponse]
    """

    kwargs = _get_kwargs(
        refresh_token=refresh_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    refresh_token: str,
) -> Error400 | Error401 | Error422 | Error503 | RefreshTokenResponse | None:
    """1.3 Refresh Token

     Exchanges a refresh token for a new access token and a new refresh token (rotation: the old one is
    spent). Presenting a spent refresh token revokes the whole session.

    Args:
        refresh_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error422 | Error503 | RefreshTokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            refresh_token=refresh_token,
        )
    ).parsed
