from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.realtime_prediction_body import RealtimePredictionBody
from ...models.realtime_prediction_response import RealtimePredictionResponse
from ...types import Response


def _get_kwargs(
    *,
    body: RealtimePredictionBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/inference/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | RealtimePredictionResponse | None:
    if response.status_code == 200:
        response_200 = RealtimePredictionResponse.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

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
) -> Response[ErrorResponse | RealtimePredictionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RealtimePredictionBody,
) -> Response[ErrorResponse | RealtimePredictionResponse]:
    """9.1 Real-time Prediction

     Runs in the API process: the model's ONNX copy (its fitted preprocessing and model as one graph) in
    onnxruntime, or, for a model without one (date features), its joblib pipeline in a long-lived Python
    process. `features` are checked against the model's inputs (9.3): unknown names or ill-typed values
    answer 422; Id/Target/ignored columns of the template are accepted and unused; a missing feature is
    imputed by the stored preprocessing (template default, else training median / "__missing__"), unless
    it is neither nullable nor defaulted (422). `preprocess_id` and `target` must be the model's (422).
    Classification answers the class probabilities too. `accuracy` is the model's headline metric.

    Args:
        body (RealtimePredictionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RealtimePredictionResponse]
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
    body: RealtimePredictionBody,
) -> ErrorResponse | RealtimePredictionResponse | None:
    """9.1 Real-time Prediction

     Runs in the API process: the model's ONNX copy (its fitted preprocessing and model as one graph) in
    onnxruntime, or, for a model without one (date features), its joblib pipeline in a long-lived Python
    process. `features` are checked against the model's inputs (9.3): unknown names or ill-typed values
    answer 422; Id/Target/ignored columns of the template are accepted and unused; a missing feature is
    imputed by the stored preprocessing (template default, else training median / "__missing__"), unless
    it is neither nullable nor defaulted (422). `preprocess_id` and `target` must be the model's (422).
    Classification answers the class probabilities too. `accuracy` is the model's headline metric.

    Args:
        body (RealtimePredictionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RealtimePredictionResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RealtimePredictionBody,
) -> Response[ErrorResponse | RealtimePredictionResponse]:
    """9.1 Real-time Prediction

     Runs in the API process: the model's ONNX copy (its fitted preprocessing and model as one graph) in
    onnxruntime, or, for a model without one (date features), its joblib pipeline in a long-lived Python
    process. `features` are checked against the model's inputs (9.3): unknown names or ill-typed values
    answer 422; Id/Target/ignored columns of the template are accepted and unused; a missing feature is
    imputed by the stored preprocessing (template default, else training median / "__missing__"), unless
    it is neither nullable nor defaulted (422). `preprocess_id` and `target` must be the model's (422).
    Classification answers the class probabilities too. `accuracy` is the model's headline metric.

    Args:
        body (RealtimePredictionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RealtimePredictionResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RealtimePredictionBody,
) -> ErrorResponse | RealtimePredictionResponse | None:
    """9.1 Real-time Prediction

     Runs in the API process: the model's ONNX copy (its fitted preprocessing and model as one graph) in
    onnxruntime, or, for a model without one (date features), its joblib pipeline in a long-lived Python
    process. `features` are checked against the model's inputs (9.3): unknown names or ill-typed values
    answer 422; Id/Target/ignored columns of the template are accepted and unused; a missing feature is
    imputed by the stored preprocessing (template default, else training median / "__missing__"), unless
    it is neither nullable nor defaulted (422). `preprocess_id` and `target` must be the model's (422).
    Classification answers the class probabilities too. `accuracy` is the model's headline metric.

    Args:
        body (RealtimePredictionBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RealtimePredictionResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
