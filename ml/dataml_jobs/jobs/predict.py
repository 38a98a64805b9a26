"""Batch prediction (9.2): a trained model over a whole prediction dataset.

Input: {predictionId, tenantId, trainId, table: "silver.<name>", modelKey, outputTable: "gold.<name>", bucket,
csvKey, chunkRows?, explain?}.

Reads the dataset's Iceberg table at its current snapshot (the id read is reported), applies the model's stored
pipeline (ml/dataml_jobs/inference/batch.py: typed like at training, nothing re-fitted) chunk by chunk, and
writes every input column plus `prediction` (and `probability_<label>` per class for classification; with
`explain`, each row's feature contributions as `contribution_*` columns, see inference/batch.py):
  - to the Iceberg table `outputTable` in one commit tagged `prediction-<id>` (a retry appends nothing), and
  - as CSV to s3://<bucket>/<csvKey> (overwritten by a retry: same rows, same bytes).

Output: {rows, snapshot_id, output_table, output_snapshot_id, csv_key, csv_bytes, predict_seconds, duration_seconds}.
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..common.catalog import append_once, ensure_table, open_catalog
from ..common.runner import JobError, run_job
from ..common.settings import Settings
from ..common.storage import put_table_csv
from ..inference.batch import DEFAULT_CHUNK, predict_table
from ..inference.model import load_model


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
    started = time.monotonic()
    model = load_model(settings, job["modelKey"])
    catalog = open_catalog(settings)
    table = catalog.load_table(job["table"])
    snap = table.current_snapshot()
    if snap is None:
        raise JobError(f"the prediction dataset's table {job['table']} has no data")
    names = set(table.schema().column_names)
    missing = [f.name for f in model.features if f.name not in names]
    if missing:
        raise JobError(f"the dataset has none of the model's input columns {', '.join(missing)}")
    data = table.scan(snapshot_id=snap.snapshot_id).to_arrow()
    result, predict_seconds = predict_table(
        model, data, int(job.get("chunkRows") or DEFAULT_CHUNK), bool(job.get("explain"))
    )
    # The CSV and the Iceberg commit are independent: written concurrently (pyarrow releases the GIL).
    with ThreadPoolExecutor(max_workers=1) as pool:
        csv_future = pool.submit(put_table_csv, settings, job["bucket"], job["csvKey"], result)
        out_table = ensure_table(catalog, job["outputTable"], result.schema)
        out_snapshot = append_once(out_table, result, f"prediction-{job['predictionId']}")
        csv_bytes = csv_future.result()
    return {
        "rows": result.num_rows,
        "snapshot_id": str(snap.snapshot_id),
        "output_table": job["outputTable"],
        "output_snapshot_id": str(out_snapshot),
        "csv_key": job["csvKey"],
        "csv_bytes": csv_bytes,
        "predict_seconds": round(predict_seconds, 4),
        "duration_seconds": round(time.monotonic() - started, 3),
    }


if __name__ == "__main__":
    sys.exit(run_job(main))
