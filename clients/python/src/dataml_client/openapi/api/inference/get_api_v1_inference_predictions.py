from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_predictions_response import ListPredictionsResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    train_id: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["train_id"] = train_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/inference/predictions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListPredictionsResponse | None:
    if response.status_code == 200:
        response_200 = ListPredictionsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ListPredictionsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    train_id: int,
) -> Response[ErrorResponse | ListPredictionsResponse]:
    """9.6 List Predictions

     Every prediction of the model: batch and forecast ones one row each; real-time ones counted per
    minute (and per user and preprocess record) in one row whose `no_of_records` is the count. Each row
    carries the model version, preprocess record and the snapshot of the data the model was trained on.

    Args:
        train_id (int):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListPredictionsResponse]
    """

    kwargs = _get_kwargs(
        train_id=train_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    train_id: int,
) -> ErrorResponse | ListPredictionsResponse | None:
    """9.6 List Predictions

     Every prediction of the model: batch and forecast ones one row each; real-time ones counted per
    minute (and per user and preprocess record) in one row whose `no_of_records` is the count. Each row
    carries the model version, preprocess record and the snapshot of the data the model was trained on.

    Args:
        train_id (int):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListPredictionsResponse
    """

    return sync_detailed(
        client=client,
        train_id=train_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    train_id: int,
) -> Response[ErrorResponse | ListPredictionsResponse]:
    """9.6 List Predictions

     Every prediction of the model: batch and forecast ones one row each; real-time ones counted per
    minute (and per user and preprocess record) in one row whose `no_of_records` is the count. Each row
    carries the model version, preprocess record and the snapshot of the data the model was trained on.

    Args:
        train_id (int):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListPredictionsResponse]
    """

    kwargs = _get_kwargs(
        train_id=train_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    train_id: int,
) -> ErrorResponse | ListPredictionsResponse | None:
    """9.6 List Predictions

     Every prediction of the model: batch and forecast ones one row each; real-time ones counted per
    minute (and per user and preprocess record) in one row whose `no_of_records` is the count. Each row
    carries the model version, preprocess record and the snapshot of the data the model was trained on.

    Args:
        train_id (int):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListPredictionsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            train_id=train_id,
        )
    ).parsed
