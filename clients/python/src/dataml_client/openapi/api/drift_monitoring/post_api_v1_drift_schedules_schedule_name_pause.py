from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.drift_schedule_action_response import DriftScheduleActionResponse
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_403 import Error403
from ...models.error_404 import Error404
from ...models.error_409 import Error409
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...types import Response


def _get_kwargs(
    schedule_name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/drift-schedules/{schedule_name}/pause".format(
            schedule_name=quote(str(schedule_name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    DriftScheduleActionResponse
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
        response_200 = DriftScheduleActionResponse.from_dict(response.json())

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
    DriftScheduleActionResponse
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
    schedule_name: str,
    *,
    client: AuthenticatedClient,
) -> Response[
    DriftScheduleActionResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
]:
    """Pause a drift schedule

    Args:
        schedule_name (str):  Example: churn-drift.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriftScheduleActionResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        schedule_name=schedule_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    schedule_name: str,
    *,
    client: AuthenticatedClient,
) -> (
    DriftScheduleActionResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | None
):
    """Pause a drift schedule

    Args:
        schedule_name (str):  Example: churn-drift.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriftScheduleActionResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503
    """

    return sync_detailed(
        schedule_name=schedule_name,
        client=client,
    ).parsed


async def asyncio_detailed(
    schedule_name: str,
    *,
    client: AuthenticatedClient,
) -> Response[
    DriftScheduleActionResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
]:
    """Pause a drift schedule

    Args:
        schedule_name (str):  Example: churn-drift.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriftScheduleActionResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        schedule_name=schedule_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    schedule_name: str,
    *,
    client: AuthenticatedClient,
) -> (
    DriftScheduleActionResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | None
):
    """Pause a drift schedule

    Args:
        schedule_name (str):  Example: churn-drift.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriftScheduleActionResponse | Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503
    """

    return (
        await asyncio_detailed(
            schedule_name=schedule_name,
            client=client,
        )
    ).parsed
