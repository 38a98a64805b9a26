from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_403 import Error403
from ...models.error_404 import Error404
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...models.get_api_v1_jobs_kind import GetApiV1JobsKind
from ...models.get_api_v1_jobs_status import GetApiV1JobsStatus
from ...models.list_jobs_response import ListJobsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    kind: GetApiV1JobsKind | Unset = UNSET,
    status: GetApiV1JobsStatus | Unset = UNSET,
    resource: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["resource"] = resource

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/jobs",
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
    | ListJobsResponse
    | None
):
    if response.status_code == 200:
        response_200 = ListJobsResponse.from_dict(response.json())

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
    Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListJobsResponse
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
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    kind: GetApiV1JobsKind | Unset = UNSET,
    status: GetApiV1JobsStatus | Unset = UNSET,
    resource: str | Unset = UNSET,
) -> Response[
    Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListJobsResponse
]:
    """List Jobs (not in the seed)

     The tenant's job workflows (validation, statistics, training, SHAP, batch prediction…), newest
    first.

    Args:
        limit (int | Unset):  Example: 50.
        offset (int | Unset):  Example: 0.
        kind (GetApiV1JobsKind | Unset):  Example: train.
        status (GetApiV1JobsStatus | Unset):
        resource (str | Unset): Only jobs on this resource (`resource_id`: training id, dataset
            id, …) Example: 42.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListJobsResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        kind=kind,
        status=status,
        resource=resource,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    kind: GetApiV1JobsKind | Unset = UNSET,
    status: GetApiV1JobsStatus | Unset = UNSET,
    resource: str | Unset = UNSET,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListJobsResponse
    | None
):
    """List Jobs (not in the seed)

     The tenant's job workflows (validation, statistics, training, SHAP, batch prediction…), newest
    first.

    Args:
        limit (int | Unset):  Example: 50.
        offset (int | Unset):  Example: 0.
        kind (GetApiV1JobsKind | Unset):  Example: train.
        status (GetApiV1JobsStatus | Unset):
        resource (str | Unset): Only jobs on this resource (`resource_id`: training id, dataset
            id, …) Example: 42.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListJobsResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        kind=kind,
        status=status,
        resource=resource,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    kind: GetApiV1JobsKind | Unset = UNSET,
    status: GetApiV1JobsStatus | Unset = UNSET,
    resource: str | Unset = UNSET,
) -> Response[
    Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListJobsResponse
]:
    """List Jobs (not in the seed)

     The tenant's job workflows (validation, statistics, training, SHAP, batch prediction…), newest
    first.

    Args:
        limit (int | Unset):  Example: 50.
        offset (int | Unset):  Example: 0.
        kind (GetApiV1JobsKind | Unset):  Example: train.
        status (GetApiV1JobsStatus | Unset):
        resource (str | Unset): Only jobs on this resource (`resource_id`: training id, dataset
            id, …) Example: 42.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListJobsResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        kind=kind,
        status=status,
        resource=resource,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    kind: GetApiV1JobsKind | Unset = UNSET,
    status: GetApiV1JobsStatus | Unset = UNSET,
    resource: str | Unset = UNSET,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListJobsResponse
    | None
):
    """List Jobs (not in the seed)

     The tenant's job workflows (validation, statistics, training, SHAP, batch prediction…), newest
    first.

    Args:
        limit (int | Unset):  Example: 50.
        offset (int | Unset):  Example: 0.
        kind (GetApiV1JobsKind | Unset):  Example: train.
        status (GetApiV1JobsStatus | Unset):
        resource (str | Unset): Only jobs on this resource (`resource_id`: training id, dataset
            id, …) Example: 42.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListJobsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            kind=kind,
            status=status,
            resource=resource,
        )
    ).parsed
