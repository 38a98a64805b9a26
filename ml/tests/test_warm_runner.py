"""The warm runner (dataml_jobs/warm/runner.py) as a plain object, without Ray: steps in processes forked from its
preloaded fork server, an idempotent start, a stop that ends the step's session, a step killed by its memory guard
that leaves the runner serving, and the fork server replaced after `max_steps` steps. The steps cannot reach a
Temporal server here (port 1), so each ends FAILED after its report fails: what is checked is how they end."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any

import pytest

from dataml_jobs.warm.runner import WarmRunner


def spec(sid: str, **probe: Any) -> dict[str, Any]:
    job = {"probeId": sid, "rows": 1, "failMode": "raise", "sleepSeconds": 0, "allocateMb": 0, **probe}
    return {
        "job": "lake_probe",
        "workflow_id": "wf",
        "submission_id": sid,
        "input_b64": base64.b64encode(json.dumps(job).encode()).decode(),
        "env": {"DATAML_TEMPORAL_ADDRESS": "127.0.0.1:1", "DATAML_JOB_MEMORY_LIMIT_BYTES": str(400 << 20)},
    }


def wait_ended(runner: WarmRunner, sid: str, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = runner.status(sid)
        if info["status"] != "RUNNING":
            return info
        time.sleep(0.1)
    raise AssertionError(f"{sid} still running")


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> WarmRunner:
    return WarmRunner("lake_probe", max_steps=3, log_dir=str(tmp_path_factory.mktemp("steps")))


def test_a_step_runs_once_per_submission_id_and_its_end_is_on_disk(runner: WarmRunner) -> None:
    first = runner.start(spec("s1"))
    assert first["created"] is True
    assert runner.start(spec("s1"))["created"] is False
    info = wait_ended(runner, "s1")
    assert info["status"] == "FAILED" and info["exit_code"] == 1
    assert runner.start(spec("s1"))["created"] is False  # ended: still not started again
    assert "probe s1 was asked to fail" in runner.logs("s1")
    assert Path(info["log"]).name == "s1.log"
    assert runner.status("never-started")["status"] == "MISSING"


def test_stop_ends_the_step_and_reads_as_stopped(runner: WarmRunner) -> None:
    pid = runner.start(spec("s2", failMode="none", sleepSeconds=60))["pid"]
    assert runner.status("s2")["status"] == "RUNNING"
    assert runner.stop("s2") is True
    info = wait_ended(runner, "s2")
    assert info["status"] == "STOPPED" and info["exit_code"] < 0
    with pytest.raises(ProcessLookupError):
        import os

        os.kill(pid, 0)


def test_a_step_over_its_memory_limit_is_killed_and_the_runner_serves_on(runner: WarmRunner) -> None:
    server = runner.info()["server_pid"]
    runner.start(spec("s3", failMode="none", allocateMb=1024))
    info = wait_ended(runner, "s3")
    assert info["status"] == "FAILED" and info["exit_code"] < 0
    assert "exceeded its memory limit of 0.39 GB" in runner.logs("s3")
    # The third step since the start: the fork server is replaced once no step runs (max_steps=3).
    deadline = time.monotonic() + 30
    while runner.info()["recycles"] < 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert runner.info()["recycles"] == 1
    runner.start(spec("s4"))
    assert wait_ended(runner, "s4")["exit_code"] == 1
    assert runner.info()["server_pid"] != server
