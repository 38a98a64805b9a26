from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_retrain_schedule_body import CreateRetrainScheduleBody
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_403 import Error403
from ...models.error_404 import Error404
from ...models.error_409 import Error409
from ...models.error_413 import Error413
from ...models.error_415 import Error415
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...models.retrain_schedule import RetrainSchedule
from ...types import Response


def _get_kwargs(
    *,
    body: CreateRetrainScheduleBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/retrain-schedules",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | RetrainSchedule
    | None
):
    if response.status_code == 201:
        response_201 = RetrainSchedule.from_dict(response.json())

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
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | RetrainSchedule
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
    body: CreateRetrainScheduleBody,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | RetrainSchedule
]:
    """Schedule the retraining of a predictor

     A Temporal Schedule that, every interval_seconds or on a cron (UTC), retrains the predictor with its
    newest completed version's settings on what its dataset holds then: a new version from scratch
    (`full`) or continued (`incremental`). Each run is an ordinary training workflow (`train-<id>`).
    With `promote_alias` (needs can_manage_aliases too), the alias moves to the new version only if its
    headline validation metric is strictly greater than the alias's current version's; the rule, both
    values and the decision are recorded on the run. A run due while the previous one still trains is
    skipped.

    Args:
        body (CreateRetrainScheduleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | RetrainSchedule]
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
    body: CreateRetrainScheduleBody,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | RetrainSchedule
    | None
):
    """Schedule the retraining of a predictor

     A Temporal Schedule that, every interval_seconds or on a cron (UTC), retrains the predictor with its
    newest completed version's settings on what its dataset holds then: a new version from scratch
    (`full`) or continued (`incremental`). Each run is an ordinary training workflow (`train-<id>`).
    With `promote_alias` (needs can_manage_aliases too), the alias moves to the new version only if its
    headline validation metric is strictly greater than the alias's current version's; the rule, both
    values and the decision are recorded on the run. A run due while the previous one still trains is
    skipped.

    Args:
        body (CreateRetrainScheduleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | RetrainSchedule
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateRetrainScheduleBody,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | RetrainSchedule
]:
    """Schedule the retraining of a predictor

     A Temporal Schedule that, every interval_seconds or on a cron (UTC), retrains the predictor with its
    newest completed version's settings on what its dataset holds then: a new version from scratch
    (`full`) or continued (`incremental`). Each run is an ordinary training workflow (`train-<id>`).
    With `promote_alias` (needs can_manage_aliases too), the alias moves to the new version only if its
    headline validation metric is strictly greater than the alias's current version's; the rule, both
    values and the decision are recorded on the run. A run due while the previous one still trains is
    skipped.

    Args:
        body (CreateRetrainScheduleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | RetrainSchedule]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateRetrainScheduleBody,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | RetrainSchedule
    | None
):
    """Schedule the retraining of a predictor

     A Temporal Schedule that, every interval_seconds or on a cron (UTC), retrains the predictor with its
    newest completed version's settings on what its dataset holds then: a new version from scratch
    (`full`) or continued (`incremental`). Each run is an ordinary training workflow (`train-<id>`).
    With `promote_alias` (needs can_manage_aliases too), the alias moves to the new version only if its
    headline validation metric is strictly greater than the alias's current version's; the rule, both
    values and the decision are recorded on the run. A run due while the previous one still trains is
    skipped.

    Args:
        body (CreateRetrainScheduleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | RetrainSchedule
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
