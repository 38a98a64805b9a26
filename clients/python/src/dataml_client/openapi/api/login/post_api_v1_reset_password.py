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
from ...models.error_422 import Error422
from ...models.error_429 import Error429
from ...models.error_503 import Error503
from ...models.reset_password_response import ResetPasswordResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    user_name: str,
    new_password: str,
    current_password: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["user_name"] = user_name

    params["new_password"] = new_password

    params["current_password"] = current_password

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/reset-password",
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
    | Error409
    | Error422
    | Error429
    | Error503
    | ResetPasswordResponse
    | None
):
    if response.status_code == 200:
        response_200 = ResetPasswordResponse.from_dict(response.json())

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
    | Error422
    | Error429
    | Error503
    | ResetPasswordResponse
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
    user_name: str,
    new_password: str,
    current_password: str | Unset = UNSET,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error429
    | Error503
    | ResetPasswordResponse
]:
    """1.5 Reset Password

     Deviation from the seed: requires a bearer token. Any user may change their own password, giving the
    current one in `current_password` (wrong attempts count as failed logins); resetting another user's
    needs `can_manage_users` and the same tenant (the platform administrator: any tenant). Other
    sessions of the user are revoked.

    Args:
        user_name (str):  Example: johndoe.
        new_password (str):  Example: Password123!.
        current_password (str | Unset): Your current password; required to change your own
            password

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error429 | Error503 | ResetPasswordResponse]
    """

    kwargs = _get_kwargs(
        user_name=user_name,
        new_password=new_password,
        current_password=current_password,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    user_name: str,
    new_password: str,
    current_password: str | Unset = UNSET,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error429
    | Error503
    | ResetPasswordResponse
    | None
):
    """1.5 Reset Password

     Deviation from the seed: requires a bearer token. Any user may change their own password, giving the
    current one in `current_password` (wrong attempts count as failed logins); resetting another user's
    needs `can_manage_users` and the same tenant (the platform administrator: any tenant). Other
    sessions of the user are revoked.

    Args:
        user_name (str):  Example: johndoe.
        new_password (str):  Example: Password123!.
        current_password (str | Unset): Your current password; required to change your own
            password

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error429 | Error503 | ResetPasswordResponse
    """

    return sync_detailed(
        client=client,
        user_name=user_name,
        new_password=new_password,
        current_password=current_password,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    user_name: str,
    new_password: str,
    current_password: str | Unset = UNSET,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error429
    | Error503
    | ResetPasswordResponse
]:
    """1.5 Reset Password

     Deviation from the seed: requires a bearer token. Any user may change their own password, giving the
    current one in `current_password` (wrong attempts count as failed logins); resetting another user's
    needs `can_manage_users` and the same tenant (the platform administrator: any tenant). Other
    sessions of the user are revoked.

    Args:
        user_name (str):  Example: johndoe.
        new_password (str):  Example: Password123!.
        current_password (str | Unset): Your current password; required to change your own
            password

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error429 | Error503 | ResetPasswordResponse]
    """

    kwargs = _get_kwargs(
        user_name=user_name,
        new_password=new_password,
        current_password=current_password,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    user_name: str,
    new_password: str,
    current_password: str | Unset = UNSET,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error429
    | Error503
    | ResetPasswordResponse
    | None
):
    """1.5 Reset Password

     Deviation from the seed: requires a bearer token. Any user may change their own password, giving the
    current one in `current_password` (wrong attempts count as failed logins); resetting another user's
    needs `can_manage_users` and the same tenant (the platform administrator: any tenant). Other
    sessions of the user are revoked.

    Args:
        user_name (str):  Example: johndoe.
        new_password (str):  Example: Password123!.
        current_password (str | Unset): Your current password; required to change your own
            password

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error429 | Error503 | ResetPasswordResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            user_name=user_name,
            new_password=new_password,
            current_password=current_password,
        )
    ).parsed
