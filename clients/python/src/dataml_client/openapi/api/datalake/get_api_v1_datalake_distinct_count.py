from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.distinct_count_response import DistinctCountResponse
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_403 import Error403
from ...models.error_404 import Error404
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...types import UNSET, Response


def _get_kwargs(
    *,
    schema: str,
    table: str,
    column: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["schema"] = schema

    params["table"] = table

    params["column"] = column

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/datalake/distinct-count",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    DistinctCountResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | None
):
    if response.status_code == 200:
        response_200 = DistinctCountResponse.from_dict(response.json())

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
    DistinctCountResponse
    | Error400
    | Error401
    | Error403
    | Error404
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
    schema: str,
    table: str,
    column: str,
) -> Response[
    DistinctCountResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
]:
    """11.6 Get Distinct Count

     Computed on the current snapshot by a Ray job (the request waits for it, up to 2 minutes).

    Args:
        schema (str):  Example: gold.
        table (str):  Example: customer_churn_predictions.
        column (str):  Example: churn_probability.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DistinctCountResponse | Error400 | Error401 | Error403 | Error404 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        schema=schema,
        table=table,
        column=column,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    schema: str,
    table: str,
    column: str,
) -> (
    DistinctCountResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | None
):
    """11.6 Get Distinct Count

     Computed on the current snapshot by a Ray job (the request waits for it, up to 2 minutes).

    Args:
        schema (str):  Example: gold.
        table (str):  Example: customer_churn_predictions.
        column (str):  Example: churn_probability.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DistinctCountResponse | Error400 | Error401 | Error403 | Error404 | Error422 | Error503
    """

    return sync_detailed(
        client=client,
        schema=schema,
        table=table,
        column=column,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    schema: str,
    table: str,
    column: str,
) -> Response[
    DistinctCountResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
]:
    """11.6 Get Distinct Count

     Computed on the current snapshot by a Ray job (the request waits for it, up to 2 minutes).

    Args:
        schema (str):  Example: gold.
        table (str):  Example: customer_churn_predictions.
        column (str):  Example: churn_probability.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DistinctCountResponse | Error400 | Error401 | Error403 | Error404 | Error422 | Error503]
    """

    kwargs = _get_kwargs(
        schema=schema,
        table=table,
        column=column,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    schema: str,
    table: str,
    column: str,
) -> (
    DistinctCountResponse
    | Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | None
):
    """11.6 Get Distinct Count

     Computed on the current snapshot by a Ray job (the request waits for it, up to 2 minutes).

    Args:
        schema (str):  Example: gold.
        table (str):  Example: customer_churn_predictions.
        column (str):  Example: churn_probability.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DistinctCountResponse | Error400 | Error401 | Error403 | Error404 | Error422 | Error503
    """

    return (
        await asyncio_detailed(
            client=client,
            schema=schema,
            table=table,
            column=column,
        )
    ).parsed
