from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_413 import Error413
from ...models.error_415 import Error415
from ...models.error_422 import Error422
from ...models.error_429 import Error429
from ...models.error_503 import Error503
from ...models.login_access_token_form import LoginAccessTokenForm
from ...models.login_access_token_response import LoginAccessTokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: LoginAccessTokenForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/login/access-token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Error400
    | Error401
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | LoginAccessTokenResponse
    | None
):
    if response.status_code == 200:
        response_200 = LoginAccessTokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error400.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error401.from_dict(response.json())

        return response_401

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
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | LoginAccessTokenResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginAccessTokenForm,
) -> Response[
    Error400
    | Error401
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | LoginAccessTokenResponse
]:
    """1.1 Login Access Token

     OAuth2 password grant (form-encoded). Returns a short-lived JWT access token and an opaque refresh
    token. Failed logins are limited per username and per client address (429 with Retry-After).

    Args:
        body (LoginAccessTokenForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error413 | Error415 | Error422 | Error429 | Error503 | LoginAccessTokenResponse]
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
    client: AuthenticatedClient | Client,
    body: LoginAccessTokenForm,
) -> (
    Error400
    | Error401
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | LoginAccessTokenResponse
    | None
):
    """1.1 Login Access Token

     OAuth2 password grant (form-encoded). Returns a short-lived JWT access token and an opaque refresh
    token. Failed logins are limited per username and per client address (429 with Retry-After).

    Args:
        body (LoginAccessTokenForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error413 | Error415 | Error422 | Error429 | Error503 | LoginAccessTokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginAccessTokenForm,
) -> Response[
    Error400
    | Error401
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | LoginAccessTokenResponse
]:
    """1.1 Login Access Token

     OAuth2 password grant (form-encoded). Returns a short-lived JWT access token and an opaque refresh
    token. Failed logins are limited per username and per client address (429 with Retry-After).

    Args:
        body (LoginAccessTokenForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error413 | Error415 | Error422 | Error429 | Error503 | LoginAccessTokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginAccessTokenForm,
) -> (
    Error400
    | Error401
    | Error413
    | Error415
    | Error422
    | Error429
    | Error503
    | LoginAccessTokenResponse
    | None
):
    """1.1 Login Access Token

     OAuth2 password grant (form-encoded). Returns a short-lived JWT access token and an opaque refresh
    token. Failed logins are limited per username and per client address (429 with Retry-After).

    Args:
        body (LoginAccessTokenForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error413 | Error415 | Error422 | Error429 | Error503 | LoginAccessTokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
