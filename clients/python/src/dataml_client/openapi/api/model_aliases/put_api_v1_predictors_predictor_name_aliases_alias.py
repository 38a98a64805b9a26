from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_400 import Error400
from ...models.error_401 import Error401
from ...models.error_403 import Error403
from ...models.error_404 import Error404
from ...models.error_409 import Error409
from ...models.error_413 import Error413
from ...models.error_415 import Error415
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...models.set_alias_body import SetAliasBody
from ...models.set_alias_response import SetAliasResponse
from ...types import Response


def _get_kwargs(
    predictor_name: str,
    alias: str,
    *,
    body: SetAliasBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/predictors/{predictor_name}/aliases/{alias}".format(
            predictor_name=quote(str(predictor_name), safe=""),
            alias=quote(str(alias), safe=""),
        ),
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
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | SetAliasResponse
    | None
):
    if response.status_code == 200:
        response_200 = SetAliasResponse.from_dict(response.json())

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
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | SetAliasResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    predictor_name: str,
    alias: str,
    *,
    client: AuthenticatedClient,
    body: SetAliasBody,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | SetAliasResponse
]:
    """Set or move an alias

     Points the alias at a Completed version of the same predictor (creates it, or moves it). Recorded
    with who, when and from → to (GET …/alias-history). Every API process serves the new version within
    the change feed's delivery time; each loads the new model before switching, so requests in flight
    keep being answered.

    Args:
        predictor_name (str):  Example: churn_v1.
        alias (str):  Example: champion.
        body (SetAliasBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | SetAliasResponse]
    """

    kwargs = _get_kwargs(
        predictor_name=predictor_name,
        alias=alias,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    predictor_name: str,
    alias: str,
    *,
    client: AuthenticatedClient,
    body: SetAliasBody,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | SetAliasResponse
    | None
):
    """Set or move an alias

     Points the alias at a Completed version of the same predictor (creates it, or moves it). Recorded
    with who, when and from → to (GET …/alias-history). Every API process serves the new version within
    the change feed's delivery time; each loads the new model before switching, so requests in flight
    keep being answered.

    Args:
        predictor_name (str):  Example: churn_v1.
        alias (str):  Example: champion.
        body (SetAliasBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | SetAliasResponse
    """

    return sync_detailed(
        predictor_name=predictor_name,
        alias=alias,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    predictor_name: str,
    alias: str,
    *,
    client: AuthenticatedClient,
    body: SetAliasBody,
) -> Response[
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | SetAliasResponse
]:
    """Set or move an alias

     Points the alias at a Completed version of the same predictor (creates it, or moves it). Recorded
    with who, when and from → to (GET …/alias-history). Every API process serves the new version within
    the change feed's delivery time; each loads the new model before switching, so requests in flight
    keep being answered.

    Args:
        predictor_name (str):  Example: churn_v1.
        alias (str):  Example: champion.
        body (SetAliasBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | SetAliasResponse]
    """

    kwargs = _get_kwargs(
        predictor_name=predictor_name,
        alias=alias,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    predictor_name: str,
    alias: str,
    *,
    client: AuthenticatedClient,
    body: SetAliasBody,
) -> (
    Error400
    | Error401
    | Error403
    | Error404
    | Error409
    | Error413
    | Error415
    | Error422
    | Error503
    | SetAliasResponse
    | None
):
    """Set or move an alias

     Points the alias at a Completed version of the same predictor (creates it, or moves it). Recorded
    with who, when and from → to (GET …/alias-history). Every API process serves the new version within
    the change feed's delivery time; each loads the new model before switching, so requests in flight
    keep being answered.

    Args:
        predictor_name (str):  Example: churn_v1.
        alias (str):  Example: champion.
        body (SetAliasBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error409 | Error413 | Error415 | Error422 | Error503 | SetAliasResponse
    """

    return (
        await asyncio_detailed(
            predictor_name=predictor_name,
            alias=alias,
            client=client,
            body=body,
        )
    ).parsed
