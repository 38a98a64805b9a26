"""The shape of every job entrypoint: parse the arguments the activity passes, run, signal the result."""

from __future__ import annotations

import argparse
import base64
import json
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from . import tracing
from .settings import Settings
from .signal import send_result
from .storage import get_bytes


class JobError(Exception):
    """An error whose message a user can act on (reported as is, without a traceback)."""


def run_job(main: Callable[[dict[str, Any], Settings, str], dict[str, Any]], argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workflow-id", required=True)
    parser.add_argument("--submission-id", required=True)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--input-b64")
    # An input too large for a command line (Linux caps one argument at 128 KiB) is staged in S3 by the activity.
    source.add_argument("--input-s3-key")
    args = parser.parse_args(argv)
    job = job_name(main)
    settings = Settings.from_env(job)
    if args.input_s3_key:
        job_input = json.loads(get_bytes(settings, args.input_s3_key))
    else:
        job_input = json.loads(base64.b64decode(args.input_b64))
    start_guard(args.workflow_id, args.submission_id)
    time.sleep(test_delay(main.__module__.rsplit(".", 1)[-1]))
    tracing.start(job)
    with tracing.job_span(job, workflow_id=args.workflow_id, submission_id=args.submission_id):
        code = _run(main, job_input, settings, args.workflow_id, args.submission_id)
    tracing.flush()
    _exit(code)
    return code  # not reached


def _run(
    main: Callable[[dict[str, Any], Settings, str], dict[str, Any]],
    job_input: dict[str, Any],
    settings: Settings,
    workflow_id: str,
    submission_id: str,
) -> int:
    """Runs the job and signals its result or error; the process's exit code."""
    try:
        result = main(job_input, settings, submission_id)
    except Exception as exc:  # report, then fail the Ray job too
        traceback.print_exc()
        message = str(exc) if isinstance(exc, JobError) else f"{type(exc).__name__}: {exc}"
        send_result(settings, workflow_id, submission_id, error=message)
        return 1
    t0 = time.perf_counter()
    send_result(settings, workflow_id, submission_id, result=result)
    print(f"signal: {time.perf_counter() - t0:.2f}s", flush=True)
    return 0


def job_name(main: Callable[..., Any]) -> str:
    """`train` for dataml_jobs.jobs.train, whether run as `python -m` (a Ray job: its module is then `__main__`) or
    imported (a warm runner's step)."""
    module = main.__module__
    if module == "__main__":
        spec = getattr(sys.modules["__main__"], "__spec__", None)
        module = spec.name if spec is not None else module
    return module.rsplit(".", 1)[-1]


def test_delay(job_name: str) -> float:
    """Test hook for drills only, never set in production: DATAML_TEST_JOB_DELAY="train=600,predict=5" (in the Ray
    head's environment) holds those jobs before they start, long enough for a drill to interrupt them."""
    for item in (os.environ.get("DATAML_TEST_JOB_DELAY") or "").split(","):
        name, _, seconds = item.partition("=")
        if name.strip() == job_name and seconds:
            return float(seconds)
    return 0.0


def start_guard(workflow_id: str, submission_id: str) -> subprocess.Popen[bytes]:
    """The job's guard (common/job_guard.py): its memory limit (DATAML_JOB_MEMORY_LIMIT_BYTES, set by the submitting
    activity) and its end when Ray's supervisor of the job is gone. It writes to the job's log."""
    cmd = [
        sys.executable,
        "-m",
        "dataml_jobs.common.job_guard",
        "--job-pid",
        str(os.getpid()),
        "--workflow-id",
        workflow_id,
        "--submission-id",
        submission_id,
    ]
    limit = os.environ.get("DATAML_JOB_MEMORY_LIMIT_BYTES")
    if limit:
        cmd += ["--limit-bytes", limit]
    return subprocess.Popen(cmd, stdin=subprocess.DEVNULL)


def _exit(code: int) -> None:
    """Leaves without interpreter finalization: pyarrow's S3 and the Temporal client's runtime can abort
    (SIGABRT) while being torn down at exit, which would turn a job that already reported into a failed one."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
