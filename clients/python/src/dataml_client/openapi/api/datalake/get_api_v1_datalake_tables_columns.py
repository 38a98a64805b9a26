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
from ...models.table_columns_response_item import TableColumnsResponseItem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    schema_name: str,
    table_name: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["schema_name"] = schema_name

    params["table_name"] = table_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/datalake/tables/columns",
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
    | list[TableColumnsResponseItem]
    | None
):
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_table_columns_response_item_data in _response_200:
            componentsschemas_table_columns_response_item = (
                TableColumnsResponseItem.from_dict(
                    componentsschemas_table_columns_response_item_data
                )
            )

            response_200.append(componentsschemas_table_columns_response_item)

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
    | list[TableColumnsResponseItem]
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
    schema_name: str,
    table_name: str,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | list[TableColumnsResponseItem]
]:
    """11.3 Get Table Columns

    Args:
        schema_name (str):  Example: gold.
        table_name (str):  Example: customer_churn_predictions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | list[TableColumnsResponseItem]]
    """

    kwargs = _get_kwargs(
        schema_name=schema_name,
        table_name=table_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    schema_name: str,
    table_name: str,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | list[TableColumnsResponseItem]
    | None
):
    """11.3 Get Table Columns

    Args:
        schema_name (str):  Example: gold.
        table_name (str):  Example: customer_churn_predictions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | list[TableColumnsResponseItem]
    """

    return sync_detailed(
        client=client,
        schema_name=schema_name,
        table_name=table_name,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    schema_name: str,
    table_name: str,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | list[TableColumnsResponseItem]
]:
    """11.3 Get Table Columns

    Args:
        schema_name (str):  Example: gold.
        table_name (str):  Example: customer_churn_predictions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | list[TableColumnsResponseItem]]
    """

    kwargs = _get_kwargs(
        schema_name=schema_name,
        table_name=table_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    schema_name: str,
    table_name: str,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error422
    | Error503
    | list[TableColumnsResponseItem]
    | None
):
    """11.3 Get Table Columns

    Args:
        schema_name (str):  Example: gold.
        table_name (str):  Example: customer_churn_predictions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | list[TableColumnsResponseItem]
    """

    return (
        await asyncio_detailed(
            client=client,
            schema_name=schema_name,
            table_name=table_name,
        )
    ).parsed
