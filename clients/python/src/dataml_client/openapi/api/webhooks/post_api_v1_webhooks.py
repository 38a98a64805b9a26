from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_webhook_body import CreateWebhookBody
from ...models.created_webhook import CreatedWebhook
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
    *,
    body: CreateWebhookBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    CreatedWebhook
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
    if response.status_code == 201:
        response_201 = CreatedWebhook.from_dict(response.json())

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
    CreatedWebhook
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
    *,
    client: AuthenticatedClient,
    body: CreateWebhookBody,
) -> Response[
    CreatedWebhook
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
    """Register a webhook

     Events: upload.validated, upload.failed, training.completed, training.failed, prediction.completed,
    drift.detected. Each delivery POSTs `{id, event, created_at, tenant_id, data}` with `Dataml-
    Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` under the webhook secret, which is
    returned here only, and `Dataml-Event-Id` for deduplication. A non-2xx answer is retried with
    exponential backoff. The URL must reach an address the operator allows (public addresses, and
    WEBHOOK_ALLOW): an IP literal or localhost outside it is refused here, any name again at each
    delivery.

    Args:
        body (CreateWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedWebhook | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503]
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
    body: CreateWebhookBody,
) -> (
    CreatedWebhook
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
    """Register a webhook

     Events: upload.validated, upload.failed, training.completed, training.failed, prediction.completed,
    drift.detected. Each delivery POSTs `{id, event, created_at, tenant_id, data}` with `Dataml-
    Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` under the webhook secret, which is
    returned here only, and `Dataml-Event-Id` for deduplication. A non-2xx answer is retried with
    exponential backoff. The URL must reach an address the operator allows (public addresses, and
    WEBHOOK_ALLOW): an IP literal or localhost outside it is refused here, any name again at each
    delivery.

    Args:
        body (CreateWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedWebhook | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookBody,
) -> Response[
    CreatedWebhook
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
    """Register a webhook

     Events: upload.validated, upload.failed, training.completed, training.failed, prediction.completed,
    drift.detected. Each delivery POSTs `{id, event, created_at, tenant_id, data}` with `Dataml-
    Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` under the webhook secret, which is
    returned here only, and `Dataml-Event-Id` for deduplication. A non-2xx answer is retried with
    exponential backoff. The URL must reach an address the operator allows (public addresses, and
    WEBHOOK_ALLOW): an IP literal or localhost outside it is refused here, any name again at each
    delivery.

    Args:
        body (CreateWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedWebhook | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookBody,
) -> (
    CreatedWebhook
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
    """Register a webhook

     Events: upload.validated, upload.failed, training.completed, training.failed, prediction.completed,
    drift.detected. Each delivery POSTs `{id, event, created_at, tenant_id, data}` with `Dataml-
    Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` under the webhook secret, which is
    returned here only, and `Dataml-Event-Id` for deduplication. A non-2xx answer is retried with
    exponential backoff. The URL must reach an address the operator allows (public addresses, and
    WEBHOOK_ALLOW): an IP literal or localhost outside it is refused here, any name again at each
    delivery.

    Args:
        body (CreateWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedWebhook | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
