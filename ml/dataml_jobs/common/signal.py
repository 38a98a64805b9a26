"""Reports a job's result to its workflow as the Temporal signal `rayJobResult`
(defined in workflows/messages.ts; payload schema RayJobResult in contracts/workflows.ts)."""

from __future__ import annotations

import asyncio
from typing import Any

from . import tracing
from .settings import Settings

SIGNAL_NAME = "rayJobResult"


async def _send(settings: Settings, workflow_id: str, payload: dict[str, Any]) -> None:
    # Imported here, not at import time: a job's start does not wait for it.
    from temporalio.client import Client

    client = await Client.connect(
        settings.temporal_address, namespace=settings.temporal_namespace, interceptors=tracing.temporal_interceptors()
    )
    await client.get_workflow_handle(workflow_id).signal(SIGNAL_NAME, payload)


def send_result(
    settings: Settings,
    workflow_id: str,
    submission_id: str,
    *,
    result: dict[str, Any] | None = None,
    error: str | None = None,
    timeout: float | None = None,
) -> None:
    payload: dict[str, Any] = {"submission_id": submission_id, "status": "failed" if error else "succeeded"}
    if result is not None:
        payload["result"] = result
    if error is not None:
        payload["error"] = error
    asyncio.run(asyncio.wait_for(_send(settings, workflow_id, payload), timeout))
