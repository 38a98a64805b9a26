"""Reads a dataset's Iceberg table for training, at a pinned snapshot.

The snapshot: an explicit `snapshotId` (a retrain of the same inputs), else the table's current snapshot, which
must contain the commit of every file the dataset had when training was requested (`fileSnapshotIds`). The id
actually read is reported and stored with the model, so the exact rows can always be read again.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..common.catalog import open_catalog
from ..common.runner import JobError
from ..common.settings import Settings
from .spans import span


def resolve_snapshot(table: Any, wanted: str | None, file_snapshots: list[str]) -> int:
    snaps = {s.snapshot_id: s for s in table.snapshots()}
    if wanted:
        sid = int(wanted)
        if sid not in snaps:
            raise JobError(f"snapshot {wanted} no longer exists in {table.name()}; the dataset was rewritten")
        return sid
    current = table.current_snapshot()
    if current is None:
        raise JobError(f"the dataset's table {'.'.join(table.name())} has no data")
    ancestors = set()
    sid: int | None = current.snapshot_id
    while sid is not None and sid in snaps:
        ancestors.add(sid)
        sid = snaps[sid].parent_snapshot_id
    missing = [s for s in file_snapshots if int(s) not in ancestors]
    if missing:
        raise JobError(
            f"the dataset's table does not contain the commits of its files ({', '.join(missing[:3])}); "
            "validate the dataset again"
        )
    return current.snapshot_id


def job_snapshot(table: Any, job: dict[str, Any]) -> int:
    """The snapshot a train job reads (see the module's docstring)."""
    return resolve_snapshot(table, job.get("snapshotId"), [str(s) for s in job.get("fileSnapshotIds") or []])


def read_dataset(
    settings: Settings, job: dict[str, Any], columns: list[str], used: list[str] | None = None
) -> tuple[pd.DataFrame, int]:
    """Reads the snapshot in one pyarrow scan; `columns` must all exist, only `used` (default: all) are read."""
    with span("read_table"):
        catalog = open_catalog(settings)
        table = catalog.load_table(job["table"])
        snapshot_id = job_snapshot(table, job)
    names = set(table.schema().column_names)
    absent = [c for c in columns if c not in names]
    if absent:
        raise JobError(f"columns missing from the dataset's table: {', '.join(absent)}")
    fields = tuple(used if used is not None else columns)
    with span("read_scan"):
        arrow = table.scan(snapshot_id=snapshot_id, selected_fields=fields).to_arrow()
    # One conversion, without the consolidation copy; arrow's buffers are released as the columns are converted.
    return arrow.to_pandas(split_blocks=True, self_destruct=True), snapshot_id
