from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_409 import Error409
from ...models.error_413 import Error413
from ...models.error_415 import Error415
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...models.shap_result_callback_body import ShapResultCallbackBody
from ...models.shap_result_callback_response import ShapResultCallbackResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ShapResultCallbackBody,
    x_callback_secret: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["x-callback-secret"] = x_callback_secret

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/train/shap-result",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Error400
    | Error401
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | ShapResultCallbackResponse
    | None
):
    if response.status_code == 200:
        response_200 = ShapResultCallbackResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error400.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error401.from_dict(response.json())

        return response_401

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
    Error400
    | Error401
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | ShapResultCallbackResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ShapResultCallbackBody,
    x_callback_secret: str,
) -> Response[
    Error400
    | Error401
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | ShapResultCallbackResponse
]:
    """8.11 SHAP Result Callback

     For external engines only; needs the per-job secret in `X-Callback-Secret` and only forwards a
    signal to the SHAP workflow.

    Args:
        x_callback_secret (str): The training job's secret (given to the engine in the job input)
        body (ShapResultCallbackBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error409 | Error413 | Error415 | Error422 | Error503 | ShapResultCallbackResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_callback_secret=x_callback_secret,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ShapResultCallbackBody,
    x_callback_secret: str,
) -> (
    Error400
    | Error401
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | ShapResultCallbackResponse
    | None
):
    """8.11 SHAP Result Callback

     For external engines only; needs the per-job secret in `X-Callback-Secret` and only forwards a
    signal to the SHAP workflow.

    Args:
        x_callback_secret (str): The training job's secret (given to the engine in the job input)
        body (ShapResultCallbackBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error409 | Error413 | Error415 | Error422 | Error503 | ShapResultCallbackResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        x_callback_secret=x_callback_secret,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ShapResultCallbackBody,
    x_callback_secret: str,
) -> Response[
    Error400
    | Error401
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | ShapResultCallbackResponse
]:
    """8.11 SHAP Result Callback

     For external engines only; needs the per-job secret in `X-Callback-Secret` and only forwards a
    signal to the SHAP workflow.

    Args:
        x_callback_secret (str): The training job's secret (given to the engine in the job input)
        body (ShapResultCallbackBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error409 | Error413 | Error415 | Error422 | Error503 | ShapResultCallbackResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_callback_secret=x_callback_secret,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ShapResultCallbackBody,
    x_callback_secret: str,
) -> (
    Error400
    | Error401
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | ShapResultCallbackResponse
    | None
):
    """8.11 SHAP Result Callback

     For external engines only; needs the per-job secret in `X-Callback-Secret` and only forwards a
    signal to the SHAP workflow.

    Args:
        x_callback_secret (str): The training job's secret (given to the engine in the job input)
        body (ShapResultCallbackBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error409 | Error413 | Error415 | Error422 | Error503 | ShapResultCallbackResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_callback_secret=x_callback_secret,
        )
    ).parsed
