"""Runs one job entrypoint's `main` in this process, on the stack's S3 and Iceberg catalog, without Ray or a
Temporal signal (test helper): `python run_job_main.py <job>` with the job's input as JSON on stdin.
Prints the job's result as JSON on the last line."""

import importlib
import json
import sys

from dataml_jobs.common.settings import Settings

job = importlib.import_module(f"dataml_jobs.jobs.{sys.argv[1]}")
result = job.main(json.load(sys.stdin), Settings.from_env(), "test-in-process")
print(json.dumps(result))
