"""The first job: writes a small typed Iceberg table through the catalog and reports its snapshot.

Input: {probeId, rows, failMode, sleepSeconds, allocateMb}. Output: {table, snapshot_id, rows, sum}.
failMode, sleepSeconds and allocateMb are test hooks (failures, interruptions, the memory limit).
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
    held = allocate(int(job.get("allocateMb", 0)))
    mode = job.get("failMode", "none")
    if mode == "raise":
        raise JobError(f"probe {job['probeId']} was asked to fail")
    if mode == "crash":
        print(f"RuntimeError: probe {job['probeId']} crashed before reporting", file=sys.stderr, flush=True)
        os._exit(3)  # dies without signalling

    n = int(job["rows"])
    data = pa.table({
        "id": pa.array(range(1, n + 1), type=pa.int64()),
        "value": pa.array([i * 0.5 for i in range(1, n + 1)], type=pa.float64()),
        "label": pa.array([f"row-{i}" for i in range(1, n + 1)], type=pa.string()),
    })
    catalog = open_catalog(settings)
    identifier = f"default.probe_{job['probeId']}"
    table = ensure_table(catalog, identifier, data.schema)
    # Keyed by the probe, not the attempt: a re-run of the same probe never appends its rows twice.
    snapshot_id = append_once(table, data, commit_key=f"lake-probe-{job['probeId']}")
    del held
    return {"table": identifier, "snapshot_id": str(snapshot_id), "rows": n, "sum": float(sum(i * 0.5 for i in range(1, n + 1)))}


def allocate(megabytes: int) -> list[bytearray]:
    """Grows by 32 MB steps to `megabytes`, writing every byte (untouched pages would not count as used)."""
    held = []
    for _ in range(megabytes // 32):
        held.append(bytearray(b"\x01") * (32 << 20))
        time.sleep(0.05)
    return held


if __name__ == "__main__":
    sys.exit(run_job(main))
