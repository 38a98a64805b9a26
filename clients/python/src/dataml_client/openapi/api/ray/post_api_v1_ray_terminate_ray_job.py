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
from ...models.error_503 import Error503
from ...models.terminate_ray_job_response import TerminateRayJobResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    ray_job_id: str,
    usage: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["ray_job_id"] = ray_job_id

    params["usage"] = usage

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ray/terminate_ray_job",
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
    | Error503
    | TerminateRayJobResponse
    | None
):
    if response.status_code == 200:
        response_200 = TerminateRayJobResponse.from_dict(response.json())

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
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | TerminateRayJobResponse
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
    ray_job_id: str,
    usage: str,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | TerminateRayJobResponse
]:
    """12.1 Terminate Ray Job

     Cancels the workflow that drives the Ray job (training, SHAP, validation, statistics): the workflow
    stops the Ray job and records Cancelled. `ray_job_id` is the Ray submission id (8.3 lists it as
    `ray_job_id`); `usage` is informational.

    Args:
        ray_job_id (str):  Example: ray-job-abc123.
        usage (str):  Example: training.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | TerminateRayJobResponse]
    """

    kwargs = _get_kwargs(
        ray_job_id=ray_job_id,
        usage=usage,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    ray_job_id: str,
    usage: str,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | TerminateRayJobResponse
    | None
):
    """12.1 Terminate Ray Job

     Cancels the workflow that drives the Ray job (training, SHAP, validation, statistics): the workflow
    stops the Ray job and records Cancelled. `ray_job_id` is the Ray submission id (8.3 lists it as
    `ray_job_id`); `usage` is informational.

    Args:
        ray_job_id (str):  Example: ray-job-abc123.
        usage (str):  Example: training.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | TerminateRayJobResponse
    """

    return sync_detailed(
        client=client,
        ray_job_id=ray_job_id,
        usage=usage,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    ray_job_id: str,
    usage: str,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | TerminateRayJobResponse
]:
    """12.1 Terminate Ray Job

     Cancels the workflow that drives the Ray job (training, SHAP, validation, statistics): the workflow
    stops the Ray job and records Cancelled. `ray_job_id` is the Ray submission id (8.3 lists it as
    `ray_job_id`); `usage` is informational.

    Args:
        ray_job_id (str):  Example: ray-job-abc123.
        usage (str):  Example: training.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | TerminateRayJobResponse]
    """

    kwargs = _get_kwargs(
        ray_job_id=ray_job_id,
        usage=usage,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    ray_job_id: str,
    usage: str,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | TerminateRayJobResponse
    | None
):
    """12.1 Terminate Ray Job

     Cancels the workflow that drives the Ray job (training, SHAP, validation, statistics): the workflow
    stops the Ray job and records Cancelled. `ray_job_id` is the Ray submission id (8.3 lists it as
    `ray_job_id`); `usage` is informational.

    Args:
        ray_job_id (str):  Example: ray-job-abc123.
        usage (str):  Example: training.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | TerminateRayJobResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            ray_job_id=ray_job_id,
            usage=usage,
        )
    ).parsed
