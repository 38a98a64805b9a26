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
from ...models.form_based_prediction_response import FormBasedPredictionResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    id: int | str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_id: int | str
    json_id = id
    params["id"] = json_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/inference/form-based-prediction",
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
    | FormBasedPredictionResponse
    | None
):
    if response.status_code == 200:
        response_200 = FormBasedPredictionResponse.from_dict(response.json())

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
    | FormBasedPredictionResponse
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
    id: int | str,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | FormBasedPredictionResponse
]:
    """9.3 Get Form for Prediction

     The model's input columns in training order, with their template data types and defaults (what a
    missing value becomes), its target and its preprocess_id: the fields 9.1 takes.

    Args:
        id (int | str):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | FormBasedPredictionResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    id: int | str,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | FormBasedPredictionResponse
    | None
):
    """9.3 Get Form for Prediction

     The model's input columns in training order, with their template data types and defaults (what a
    missing value becomes), its target and its preprocess_id: the fields 9.1 takes.

    Args:
        id (int | str):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | FormBasedPredictionResponse
    """

    return sync_detailed(
        client=client,
        id=id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    id: int | str,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | FormBasedPredictionResponse
]:
    """9.3 Get Form for Prediction

     The model's input columns in training order, with their template data types and defaults (what a
    missing value becomes), its target and its preprocess_id: the fields 9.1 takes.

    Args:
        id (int | str):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | FormBasedPredictionResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    id: int | str,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | FormBasedPredictionResponse
    | None
):
    """9.3 Get Form for Prediction

     The model's input columns in training order, with their template data types and defaults (what a
    missing value becomes), its target and its preprocess_id: the fields 9.1 takes.

    Args:
        id (int | str):  Example: 19.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | FormBasedPredictionResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
        )
    ).parsed
