"""Long jobs (validation, training, batch prediction): one state type, one waiting loop with a tqdm bar.

Where a job's state comes from is `Client._job_state` alone: today the seed's own endpoints per kind; once the
API's jobs endpoint (`GET /api/v1/jobs/{workflow_id}`, with phase and percent) is there, only that function changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tqdm.auto import tqdm

from .errors import JobFailed

if TYPE_CHECKING:
    from .client import Client

FINISHED = ("completed", "failed", "cancelled")


@dataclass(frozen=True)
class JobState:
    """Where a job is. `status`: submitted, running, completed, failed or cancelled."""

    status: str
    phase: str | None = None
    percent: float | None = None
    message: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


@dataclass
class Job:
    """A handle on a running job: `wait()`, `state()`, `cancel()`. `ref` is the id of what the job produces
    (dataset, training, prediction); `workflow_id` finds it in the Temporal UI and the jobs API."""

    client: Client
    kind: str  # "validation" | "training" | "batch_prediction"
    ref: int
    workflow_id: str | None = None

    def state(self) -> JobState:
        return self.client._job_state(self)

    def cancel(self) -> None:
        self.client._cancel_job(self)

    def wait(self, *, progress: bool = True, timeout: float | None = None, poll_interval: float = 1.0) -> JobState:
        """Blocks until the job ends; raises JobFailed when it failed or was cancelled."""
        state = wait_for(
            self.state, f"{self.kind} {self.ref}", progress=progress, timeout=timeout, poll_interval=poll_interval
        )
        if state.status != "completed":
            raise JobFailed(self.kind, str(self.ref), state.status, state.message)
        return state


def wait_for(
    poll: Callable[[], JobState],
    description: str,
    *,
    progress: bool = True,
    timeout: float | None = None,
    poll_interval: float = 1.0,
) -> JobState:
    """Polls until the job is finished, showing its phase (and percent where known) on a tqdm bar."""
    deadline = None if timeout is None else time.monotonic() + timeout
    bar: Any = tqdm(
        total=100,
        desc=description,
        unit="%",
        disable=not progress,
        leave=True,
        bar_format="{desc}: {percentage:3.0f}%|{bar}| [{elapsed}{postfix}]",
    )
    try:
        while True:
            state = poll()
            percent = 100.0 if state.status == "completed" else state.percent
            if percent is not None and percent > bar.n:
                bar.update(percent - bar.n)
            bar.set_postfix_str(state.phase or state.status, refresh=True)
            if state.finished:
                return state
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"{description} still {state.status} after {timeout} s")
            time.sleep(poll_interval)
    finally:
        bar.close()
