"""The shape of every job entrypoint: parse the arguments the activity passes, run, signal the result."""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from .settings import Settings
from .signal import send_result


class JobError(Exception):
    """An error whose message a user can act on (reported as is, without a traceback)."""


def run_job(main: Callable[[dict[str, Any], Settings, str], dict[str, Any]], argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workflow-id", required=True)
    parser.add_argument("--submission-id", required=True)
    parser.add_argument("--input-b64", required=True)
    args = parser.parse_args(argv)
    job_input = json.loads(base64.b64decode(args.input_b64))
    settings = Settings.from_env()
    try:
        result = main(job_input, settings, args.submission_id)
    except Exception as exc:  # report, then fail the Ray job too
        traceback.print_exc()
        message = str(exc) if isinstance(exc, JobError) else f"{type(exc).__name__}: {exc}"
        send_result(settings, args.workflow_id, args.submission_id, error=message)
        _exit(1)
    t0 = time.perf_counter()
    send_result(settings, args.workflow_id, args.submission_id, result=result)
    print(f"signal: {time.perf_counter() - t0:.2f}s", flush=True)
    _exit(0)
    return 0  # not reached


def _exit(code: int) -> None:
    """Leaves without interpreter finalization: pyarrow's S3 and the Temporal client's runtime can abort
    (SIGABRT) while being torn down at exit, which would turn a job that already reported into a failed one."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
