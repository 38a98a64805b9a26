"""The first job: writes a small typed Iceberg table through the catalog and reports its snapshot.

Input: {probeId, rows, failMode, sleepSeconds}. Output: {table, snapshot_id, rows, sum}.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import pyarrow as pa

from ..common.catalog import append_once, ensure_table, open_catalog
from ..common.runner import JobError, run_job
from ..common.settings import Settings


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
    time.sleep(float(job.get("sleepSeconds", 0)))
    mode = job.get("failMode", "none")
    if mode == "raise":
        raise JobError(f"probe {job['probeId']} was asked to fail")
    if mode == "crash":
        print(f"RuntimeError: probe {job['probeId']} crashed before reporting", file=sys.stderr, flush=True)
        os._exit(3)  # dies without signalling

    n = int(job["rows"])
    data = pa.table(
        {
            "id": pa.array(range(1, n + 1), type=pa.int64()),
            "value": pa.array([i * 0.5 for i in range(1, n + 1)], type=pa.float64()),
            "label": pa.array([f"row-{i}" for i in range(1, n + 1)], type=pa.string()),
        }
    )
    catalog = open_catalog(settings)
    identifier = f"default.probe_{job['probeId']}"
    table = ensure_table(catalog, identifier, data.schema)
    # Keyed by the probe, not the attempt: a re-run of the same probe never appends its rows twice.
    snapshot_id = append_once(table, data, commit_key=f"lake-probe-{job['probeId']}")
    return {
        "table": identifier,
        "snapshot_id": str(snapshot_id),
        "rows": n,
        "sum": float(sum(i * 0.5 for i in range(1, n + 1))),
    }


if __name__ == "__main__":
    sys.exit(run_job(main))
