from http import HTTPStatus
from io import BytesIO
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
from ...types import UNSET, File, Response


def _get_kwargs(
    *,
    prediction_id: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["prediction_id"] = prediction_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/inference/result/download",
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
    | File
    | None
):
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.text))

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
    Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | File
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
    prediction_id: int,
) -> Response[
    Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | File
]:
    """Download Batch Prediction Results (not in the seed)

     Streams the CSV of a completed batch prediction: the dataset rows, `prediction` and
    `probability_<class>` per class.

    Args:
        prediction_id (int):  Example: 123.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | File]
    """

    kwargs = _get_kwargs(
        prediction_id=prediction_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    prediction_id: int,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | File
    | None
):
    """Download Batch Prediction Results (not in the seed)

     Streams the CSV of a completed batch prediction: the dataset rows, `prediction` and
    `probability_<class>` per class.

    Args:
        prediction_id (int):  Example: 123.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | File
    """

    return sync_detailed(
        client=client,
        prediction_id=prediction_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    prediction_id: int,
) -> Response[
    Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | File
]:
    """Download Batch Prediction Results (not in the seed)

     Streams the CSV of a completed batch prediction: the dataset rows, `prediction` and
    `probability_<class>` per class.

    Args:
        prediction_id (int):  Example: 123.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | File]
    """

    kwargs = _get_kwargs(
        prediction_id=prediction_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    prediction_id: int,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error422
    | Error503
    | File
    | None
):
    """Download Batch Prediction Results (not in the seed)

     Streams the CSV of a completed batch prediction: the dataset rows, `prediction` and
    `probability_<class>` per class.

    Args:
        prediction_id (int):  Example: 123.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error422 | Error503 | File
    """

    return (
        await asyncio_detailed(
            client=client,
            prediction_id=prediction_id,
        )
    ).parsed
