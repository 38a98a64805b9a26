from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_drift_run_body import CreateDriftRunBody
from ...models.drift_run_created import DriftRunCreated
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
    body: CreateDriftRunBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/drift-runs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    DriftRunCreated
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
    if response.status_code == 202:
        response_202 = DriftRunCreated.from_dict(response.json())

        return response_202

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
    DriftRunCreated
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
    body: CreateDriftRunBody,
) -> Response[
    DriftRunCreated
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
    """Compare a version's recent inputs with its training snapshot

     Starts a drift run (workflow `drift-<tenant>-<id>`, one Ray job): a sample of the current data — the
    dataset `dataset_id` at its current snapshot, or without it the version's sampled real-time requests
    of the last `window_hours` — against a sample of the snapshot the version was trained on. Per
    feature: the population stability index (quantile bins of the reference; levels for strings and
    booleans; missing values as their own bin) and a two-sample test (KS, or chi-square), and the same
    for the predictions. A feature is flagged when PSI >= thresholds.psi, or p < thresholds.p_value with
    an effect >= thresholds.min_effect; `drift_detected` when any feature or the predictions are
    flagged.

    Args:
        body (CreateDriftRunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriftRunCreated | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503]
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
    body: CreateDriftRunBody,
) -> (
    DriftRunCreated
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
    """Compare a version's recent inputs with its training snapshot

     Starts a drift run (workflow `drift-<tenant>-<id>`, one Ray job): a sample of the current data — the
    dataset `dataset_id` at its current snapshot, or without it the version's sampled real-time requests
    of the last `window_hours` — against a sample of the snapshot the version was trained on. Per
    feature: the population stability index (quantile bins of the reference; levels for strings and
    booleans; missing values as their own bin) and a two-sample test (KS, or chi-square), and the same
    for the predictions. A feature is flagged when PSI >= thresholds.psi, or p < thresholds.p_value with
    an effect >= thresholds.min_effect; `drift_detected` when any feature or the predictions are
    flagged.

    Args:
        body (CreateDriftRunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriftRunCreated | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateDriftRunBody,
) -> Response[
    DriftRunCreated
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
    """Compare a version's recent inputs with its training snapshot

     Starts a drift run (workflow `drift-<tenant>-<id>`, one Ray job): a sample of the current data — the
    dataset `dataset_id` at its current snapshot, or without it the version's sampled real-time requests
    of the last `window_hours` — against a sample of the snapshot the version was trained on. Per
    feature: the population stability index (quantile bins of the reference; levels for strings and
    booleans; missing values as their own bin) and a two-sample test (KS, or chi-square), and the same
    for the predictions. A feature is flagged when PSI >= thresholds.psi, or p < thresholds.p_value with
    an effect >= thresholds.min_effect; `drift_detected` when any feature or the predictions are
    flagged.

    Args:
        body (CreateDriftRunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriftRunCreated | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateDriftRunBody,
) -> (
    DriftRunCreated
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
    """Compare a version's recent inputs with its training snapshot

     Starts a drift run (workflow `drift-<tenant>-<id>`, one Ray job): a sample of the current data — the
    dataset `dataset_id` at its current snapshot, or without it the version's sampled real-time requests
    of the last `window_hours` — against a sample of the snapshot the version was trained on. Per
    feature: the population stability index (quantile bins of the reference; levels for strings and
    booleans; missing values as their own bin) and a two-sample test (KS, or chi-square), and the same
    for the predictions. A feature is flagged when PSI >= thresholds.psi, or p < thresholds.p_value with
    an effect >= thresholds.min_effect; `drift_detected` when any feature or the predictions are
    flagged.

    Args:
        body (CreateDriftRunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriftRunCreated | Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
