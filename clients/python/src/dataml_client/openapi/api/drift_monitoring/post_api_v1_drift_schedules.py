from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_drift_schedule_body import CreateDriftScheduleBody
from ...models.drift_schedule import DriftSchedule
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
    body: CreateDriftScheduleBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/drift-schedules",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    DriftSchedule
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
        response_201 = DriftSchedule.from_dict(response.json())

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
    DriftSchedule
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
    body: CreateDriftScheduleBody,
) -> Response[
    DriftSchedule
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
    """Schedule a drift check of a version or alias

     A Temporal Schedule that, every interval_seconds or on a cron (UTC), runs the same check as POST
    /api/v1/drift-runs (an alias is resolved at each firing, so the check follows the alias). A firing
    due while the previous run still runs is skipped.

    Args:
        body (CreateDriftScheduleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriftSchedule | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503]
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
    body: CreateDriftScheduleBody,
) -> (
    DriftSchedule
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
    """Schedule a drift check of a version or alias

     A Temporal Schedule that, every interval_seconds or on a cron (UTC), runs the same check as POST
    /api/v1/drift-runs (an alias is resolved at each firing, so the check follows the alias). A firing
    due while the previous run still runs is skipped.

    Args:
        body (CreateDriftScheduleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriftSchedule | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateDriftScheduleBody,
) -> Response[
    DriftSchedule
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
    """Schedule a drift check of a version or alias

     A Temporal Schedule that, every interval_seconds or on a cron (UTC), runs the same check as POST
    /api/v1/drift-runs (an alias is resolved at each firing, so the check follows the alias). A firing
    due while the previous run still runs is skipped.

    Args:
        body (CreateDriftScheduleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriftSchedule | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateDriftScheduleBody,
) -> (
    DriftSchedule
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
    """Schedule a drift check of a version or alias

     A Temporal Schedule that, every interval_seconds or on a cron (UTC), runs the same check as POST
    /api/v1/drift-runs (an alias is resolved at each firing, so the check follows the alias). A firing
    due while the previous run still runs is skipped.

    Args:
        body (CreateDriftScheduleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriftSchedule | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
