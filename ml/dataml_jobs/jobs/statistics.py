"""Descriptive statistics of an Iceberg table (6.7), computed batch by batch with bounded memory
(`statistics/columns.py` says what each column gets).

Input: {table, columns?: [names], snapshotId?}. Output: {table, snapshot_id, row_count, columns: [...]}.
"""

from __future__ import annotations

import sys
from typing import Any

from pyiceberg.exceptions import NoSuchTableError

from ..common.catalog import open_catalog
from ..common.runner import JobError, run_job
from ..common.settings import Settings
from ..statistics.columns import compute


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
    catalog = open_catalog(settings)
    try:
        table = catalog.load_table(job["table"])
    except NoSuchTableError:
        raise JobError(f"table {job['table']} does not exist (no validated rows yet?)") from None
    snapshot = table.current_snapshot()
    snapshot_id = int(job["snapshotId"]) if job.get("snapshotId") else (snapshot.snapshot_id if snapshot else None)
    columns = job.get("columns")
    iceberg_types = {f.name: str(f.field_type) for f in table.schema().fields}
    if columns:
        missing = [c for c in columns if c not in iceberg_types]
        if missing:
            raise JobError(f"no column {', '.join(missing)} in {job['table']}")
    scan = table.scan(snapshot_id=snapshot_id, selected_fields=tuple(columns) if columns else ("*",))
    reader = scan.to_arrow_batch_reader()
    rows, result = compute(reader, reader.schema, iceberg_types, columns)
    return {
        "table": job["table"],
        "snapshot_id": str(snapshot_id) if snapshot_id is not None else None,
        "row_count": rows,
        "columns": result,
    }


if __name__ == "__main__":
    sys.exit(run_job(main))
