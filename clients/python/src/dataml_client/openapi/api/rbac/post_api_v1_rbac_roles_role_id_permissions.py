from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.attach_role_permissions_body_type_0 import AttachRolePermissionsBodyType0
from ...models.attach_role_permissions_body_type_1 import AttachRolePermissionsBodyType1
from ...models.attach_role_permissions_response import AttachRolePermissionsResponse
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_403 import Error403
from ...models.error_404 import Error404
from ...models.error_409 import Error409
from ...models.error_413 import Error413
from ...models.error_415 import Error415
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...types import Response


def _get_kwargs(
    role_id: int,
    *,
    body: AttachRolePermissionsBodyType0 | AttachRolePermissionsBodyType1,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/rbac/roles/{role_id}/permissions".format(
            role_id=quote(str(role_id), safe=""),
        ),
    }

    if isinstance(body, AttachRolePermissionsBodyType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AttachRolePermissionsResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | None
):
    if response.status_code == 200:
        response_200 = AttachRolePermissionsResponse.from_dict(response.json())

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
    AttachRolePermissionsResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
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
    role_id: int,
    *,
    client: AuthenticatedClient,
    body: AttachRolePermissionsBodyType0 | AttachRolePermissionsBodyType1,
) -> Response[
    AttachRolePermissionsResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
]:
    """Attach permissions to a role (not in the seed contract)

     By ids or by names. Adds to what the role holds; attaching a permission it already holds is a no-op.

    Args:
        role_id (int):  Example: 5.
        body (AttachRolePermissionsBodyType0 | AttachRolePermissionsBodyType1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttachRolePermissionsResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        role_id=role_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    role_id: int,
    *,
    client: AuthenticatedClient,
    body: AttachRolePermissionsBodyType0 | AttachRolePermissionsBodyType1,
) -> (
    AttachRolePermissionsResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | None
):
    """Attach permissions to a role (not in the seed contract)

     By ids or by names. Adds to what the role holds; attaching a permission it already holds is a no-op.

    Args:
        role_id (int):  Example: 5.
        body (AttachRolePermissionsBodyType0 | AttachRolePermissionsBodyType1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttachRolePermissionsResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503
    """

    return sync_detailed(
        role_id=role_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    role_id: int,
    *,
    client: AuthenticatedClient,
    body: AttachRolePermissionsBodyType0 | AttachRolePermissionsBodyType1,
) -> Response[
    AttachRolePermissionsResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
]:
    """Attach permissions to a role (not in the seed contract)

     By ids or by names. Adds to what the role holds; attaching a permission it already holds is a no-op.

    Args:
        role_id (int):  Example: 5.
        body (AttachRolePermissionsBodyType0 | AttachRolePermissionsBodyType1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttachRolePermissionsResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        role_id=role_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    role_id: int,
    *,
    client: AuthenticatedClient,
    body: AttachRolePermissionsBodyType0 | AttachRolePermissionsBodyType1,
) -> (
    AttachRolePermissionsResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | None
):
    """Attach permissions to a role (not in the seed contract)

     By ids or by names. Adds to what the role holds; attaching a permission it already holds is a no-op.

    Args:
        role_id (int):  Example: 5.
        body (AttachRolePermissionsBodyType0 | AttachRolePermissionsBodyType1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttachRolePermissionsResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503
    """

    return (
        await asyncio_detailed(
            role_id=role_id,
            client=client,
            body=body,
        )
    ).parsed
