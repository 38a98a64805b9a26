"""Drift of a trained version (issue 15): a sample of recent inputs against a sample of its training snapshot
(ml/dataml_jobs/drift/: per-feature PSI and a two-sample test, and the prediction distribution).

Input: {runId, modelKey, referenceTable, referenceSnapshotId, thresholds?, sampleRows?, seed?, and either
  current: {kind: "dataset", table} (the dataset's current snapshot), or
  current: {kind: "realtime", table: "gold.drift_samples_<train>", samplesKey?, commitKey?, since}
  (the exported 9.1 samples are appended first, once; then the rows sampled since `since` are read)}.
Output: the report (drift/report.py) plus the tables and snapshots read.
"""

from __future__ import annotations

import sys
from typing import Any

from pyiceberg.exceptions import NoSuchTableError
from pyiceberg.expressions import GreaterThanOrEqual

from ..common.catalog import open_catalog
from ..common.runner import JobError, run_job
from ..common.settings import Settings
from ..common.storage import get_bytes
from ..drift.report import DEFAULT_SAMPLE_ROWS, drift_report, sample_table
from ..drift.samples import SAMPLED_AT, append_samples
from ..drift.stats import Thresholds
from ..inference.model import load_model


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
    model = load_model(settings, job["modelKey"])
    catalog = open_catalog(settings)
    columns = [f.name for f in model.features]
    n = int(job.get("sampleRows") or DEFAULT_SAMPLE_ROWS)
    seed = int(job.get("seed") or 0)
    ref_snapshot = int(job["referenceSnapshotId"])
    reference = sample_table(catalog.load_table(job["referenceTable"]), columns, n, seed, snapshot_id=ref_snapshot)
    if reference.empty:
        raise JobError("the model's training snapshot has no rows")

    current = job["current"]
    if current["kind"] == "realtime":
        if current.get("samplesKey"):
            jsonl = get_bytes(settings, current["samplesKey"])
            table = append_samples(catalog, current["table"], model, jsonl, current["commitKey"])
        else:
            try:
                table = catalog.load_table(current["table"])
            except NoSuchTableError:
                raise JobError("no real-time request of this version has been sampled yet") from None
        table.refresh()
        snap = table.current_snapshot()
        frame = sample_table(table, columns, n, seed, row_filter=GreaterThanOrEqual(SAMPLED_AT, current["since"]))
    else:
        try:
            table = catalog.load_table(current["table"])
        except NoSuchTableError:
            raise JobError(f"the dataset's table {current['table']} has no data") from None
        snap = table.current_snapshot()
        missing = [c for c in columns if c not in set(table.schema().column_names)]
        if missing:
            raise JobError(f"the dataset has none of the model's input columns {', '.join(missing)}")
        frame = sample_table(table, columns, n, seed, snapshot_id=snap.snapshot_id if snap else None)
    if frame.empty:
        raise JobError("no current rows to compare (no sampled requests in the window, or an empty dataset)")

    report = drift_report(model, reference, frame, Thresholds.of(job.get("thresholds")))
    return report | {
        "reference_table": job["referenceTable"],
        "reference_snapshot_id": str(ref_snapshot),
        "current_table": current["table"],
        "current_snapshot_id": str(snap.snapshot_id) if snap else None,
    }


if __name__ == "__main__":
    sys.exit(run_job(main))
