from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_403 import Error403
from ...models.error_404 import Error404
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...models.webhook_deliveries_response import WebhookDeliveriesResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webhook_id: int,
    *,
    limit: int | Unset = UNSET,
    before: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["before"] = before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/{webhook_id}/deliveries".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
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
    | WebhookDeliveriesResponse
    | None
):
    if response.status_code == 200:
        response_200 = WebhookDeliveriesResponse.from_dict(response.json())

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
    | WebhookDeliveriesResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    before: int | Unset = UNSET,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | WebhookDeliveriesResponse
]:
    """A webhook's deliveries and every attempt of each, newest first

    Args:
        webhook_id (int):  Example: 1.
        limit (int | Unset):  Example: 50.
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | WebhookDeliveriesResponse]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        limit=limit,
        before=before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    before: int | Unset = UNSET,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | WebhookDeliveriesResponse
    | None
):
    """A webhook's deliveries and every attempt of each, newest first

    Args:
        webhook_id (int):  Example: 1.
        limit (int | Unset):  Example: 50.
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | WebhookDeliveriesResponse
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
        limit=limit,
        before=before,
    ).parsed


async def asyncio_detailed(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    before: int | Unset = UNSET,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | WebhookDeliveriesResponse
]:
    """A webhook's deliveries and every attempt of each, newest first

    Args:
        webhook_id (int):  Example: 1.
        limit (int | Unset):  Example: 50.
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | WebhookDeliveriesResponse]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        limit=limit,
        before=before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    before: int | Unset = UNSET,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | WebhookDeliveriesResponse
    | None
):
    """A webhook's deliveries and every attempt of each, newest first

    Args:
        webhook_id (int):  Example: 1.
        limit (int | Unset):  Example: 50.
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | WebhookDeliveriesResponse
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
            limit=limit,
            before=before,
        )
    ).parsed
