"""One job step inside a warm runner: a process forked from the runner's preloaded fork server (the heavy imports
are already done), in a session of its own so that a stop or its memory guard ends it and its children only.

It runs the job exactly as a Ray job runs it (common/runner.py: the guard, the signal, the exit code); its output
goes to `<log dir>/<submission id>.log`, and its exit code, once it ends, to `<submission id>.exit`.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any


def paths(log_dir: str, submission_id: str) -> dict[str, Path]:
    base = Path(log_dir)
    return {
        "log": base / f"{submission_id}.log",
        "exit": base / f"{submission_id}.exit",
        "stopped": base / f"{submission_id}.stopped",
    }


def run_step(spec: dict[str, Any], log_path: str) -> None:
    """The target of the step's process (spec: job, workflow_id, submission_id, input_b64 | input_s3_key, env)."""
    os.setsid()
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    os.environ.update(spec.get("env") or {})
    from ..common.runner import run_job

    module = importlib.import_module(f"dataml_jobs.jobs.{spec['job']}")
    argv = ["--workflow-id", spec["workflow_id"], "--submission-id", spec["submission_id"]]
    if spec.get("input_s3_key"):
        argv += ["--input-s3-key", spec["input_s3_key"]]
    else:
        argv += ["--input-b64", spec["input_b64"]]
    run_job(module.main, argv)  # exits the process itself
