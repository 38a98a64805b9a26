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
from ...models.list_datasets_response import ListDatasetsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    after: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["after"] = after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/dataset/list",
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
    | ListDatasetsResponse
    | None
):
    if response.status_code == 200:
        response_200 = ListDatasetsResponse.from_dict(response.json())

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
    | ListDatasetsResponse
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
    after: int | Unset = UNSET,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListDatasetsResponse
]:
    """6.2 List Datasets

     `is_valid` is null while a file is being validated; `dataset_usability` is the share of valid rows.
    Paged by id (`limit`, `offset`, keyset cursor `after`); without parameters the first 1000 datasets,
    as the seed.

    Args:
        limit (int | Unset): Rows per page (default 1000, at most 1000) Example: 100.
        offset (int | Unset): Rows to skip (after `after` when both are given) Example: 0.
        after (int | Unset): Keyset cursor: only rows whose id is greater (pass the previous
            page's `next_after`). Stable while rows are inserted or deleted, unlike `offset`. Example:
            61.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListDatasetsResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        after=after,
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
    after: int | Unset = UNSET,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListDatasetsResponse
    | None
):
    """6.2 List Datasets

     `is_valid` is null while a file is being validated; `dataset_usability` is the share of valid rows.
    Paged by id (`limit`, `offset`, keyset cursor `after`); without parameters the first 1000 datasets,
    as the seed.

    Args:
        limit (int | Unset): Rows per page (default 1000, at most 1000) Example: 100.
        offset (int | Unset): Rows to skip (after `after` when both are given) Example: 0.
        after (int | Unset): Keyset cursor: only rows whose id is greater (pass the previous
            page's `next_after`). Stable while rows are inserted or deleted, unlike `offset`. Example:
            61.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListDatasetsResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        after=after,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    after: int | Unset = UNSET,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListDatasetsResponse
]:
    """6.2 List Datasets

     `is_valid` is null while a file is being validated; `dataset_usability` is the share of valid rows.
    Paged by id (`limit`, `offset`, keyset cursor `after`); without parameters the first 1000 datasets,
    as the seed.

    Args:
        limit (int | Unset): Rows per page (default 1000, at most 1000) Example: 100.
        offset (int | Unset): Rows to skip (after `after` when both are given) Example: 0.
        after (int | Unset): Keyset cursor: only rows whose id is greater (pass the previous
            page's `next_after`). Stable while rows are inserted or deleted, unlike `offset`. Example:
            61.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListDatasetsResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        after=after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    after: int | Unset = UNSET,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | ListDatasetsResponse
    | None
):
    """6.2 List Datasets

     `is_valid` is null while a file is being validated; `dataset_usability` is the share of valid rows.
    Paged by id (`limit`, `offset`, keyset cursor `after`); without parameters the first 1000 datasets,
    as the seed.

    Args:
        limit (int | Unset): Rows per page (default 1000, at most 1000) Example: 100.
        offset (int | Unset): Rows to skip (after `after` when both are given) Example: 0.
        after (int | Unset): Keyset cursor: only rows whose id is greater (pass the previous
            page's `next_after`). Stable while rows are inserted or deleted, unlike `offset`. Example:
            61.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | ListDatasetsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            after=after,
        )
    ).parsed
