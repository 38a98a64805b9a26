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
from ...models.error_422 import Error422
from ...models.error_503 import Error503
from ...models.job_detail import JobDetail
from ...types import Response


def _get_kwargs(
    workflow_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/jobs/{workflow_id}".format(
            workflow_id=quote(str(workflow_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | JobDetail | None:
    if response.status_code == 200:
        response_200 = JobDetail.from_dict(response.json())

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
    Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | JobDetail
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workflow_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[
    Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | JobDetail
]:
    """Get Job with Progress (not in the seed)

     A job's status and, while it runs, its workflow's live progress (phase; percent where the workflow
    can tell). Poll it to follow a job: the workflow id is in the response that started the job (6.1,
    6.7, 7.1, 8.1).

    Args:
        workflow_id (str):  Example: train-42.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | JobDetail]
    """

    kwargs = _get_kwargs(
        workflow_id=workflow_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workflow_id: str,
    *,
    client: AuthenticatedClient,
) -> Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | JobDetail | None:
    """Get Job with Progress (not in the seed)

     A job's status and, while it runs, its workflow's live progress (phase; percent where the workflow
    can tell). Poll it to follow a job: the workflow id is in the response that started the job (6.1,
    6.7, 7.1, 8.1).

    Args:
        workflow_id (str):  Example: train-42.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | JobDetail
    """

    return sync_detailed(
        workflow_id=workflow_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    workflow_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[
    Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | JobDetail
]:
    """Get Job with Progress (not in the seed)

     A job's status and, while it runs, its workflow's live progress (phase; percent where the workflow
    can tell). Poll it to follow a job: the workflow id is in the response that started the job (6.1,
    6.7, 7.1, 8.1).

    Args:
        workflow_id (str):  Example: train-42.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | JobDetail]
    """

    kwargs = _get_kwargs(
        workflow_id=workflow_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workflow_id: str,
    *,
    client: AuthenticatedClient,
) -> Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | JobDetail | None:
    """Get Job with Progress (not in the seed)

     A job's status and, while it runs, its workflow's live progress (phase; percent where the workflow
    can tell). Poll it to follow a job: the workflow id is in the response that started the job (6.1,
    6.7, 7.1, 8.1).

    Args:
        workflow_id (str):  Example: train-42.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error400 | Error401 | Error403 | Error404 | Error422 | Error503 | JobDetail
    """

    return (
        await asyncio_detailed(
            workflow_id=workflow_id,
            client=client,
        )
    ).parsed
