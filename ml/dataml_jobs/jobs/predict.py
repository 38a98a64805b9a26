"""Batch prediction (9.2): a trained model over a whole prediction dataset.

Input: {predictionId, tenantId, trainId, table: "silver.<name>", modelKey, outputTable: "gold.<name>", bucket,
csvKey, chunkRows?}.

Reads the dataset's Iceberg table at its current snapshot (the id read is reported), applies the model's stored
pipeline (ml/dataml_jobs/inference/model.py: typed like at training, nothing re-fitted) chunk by chunk, and
writes every input column plus `prediction` (and `probability_<label>` per class for classification):
  - to the Iceberg table `outputTable` in one commit tagged `prediction-<id>` (a retry appends nothing), and
  - as CSV to s3://<bucket>/<csvKey> (overwritten by a retry: same rows, same bytes).

Output: {rows, snapshot_id, output_table, output_snapshot_id, csv_key, csv_bytes, predict_seconds, duration_seconds}.
"""
from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pyarrow as pa

from ..common.catalog import append_once, ensure_table, open_catalog
from ..common.runner import JobError, run_job
from ..common.settings import Settings
from ..inference.model import LoadedModel, label_name, load_model, predict

DEFAULT_CHUNK = 250_000


def _label_array(model: LoadedModel, labels: np.ndarray) -> pa.Array:
    if model.problem_type != "Classification":
        return pa.array(labels, type=pa.float64())
    kind = model.metadata.get("target_data_type")
    values = labels.tolist()
    if kind == "Boolean":
        return pa.array([bool(v) for v in values], type=pa.bool_())
    if kind == "Integer":
        return pa.array([int(v) for v in values], type=pa.int64())
    return pa.array([str(v) for v in values], type=pa.string())


def _free_name(name: str, taken: set[str]) -> str:
    while name in taken:
        name = f"{name}_"
    taken.add(name)
    return name


def predict_table(model: LoadedModel, data: pa.Table, chunk_rows: int = DEFAULT_CHUNK) -> tuple[pa.Table, float]:
    """The input table with the prediction columns appended; and the seconds spent typing and predicting."""
    taken = set(data.column_names)
    pred_col = _free_name("prediction", taken)
    proba_cols = [_free_name(f"probability_{label_name(c)}", taken) for c in model.class_labels] if model.problem_type == "Classification" else []
    parts: list[pa.Table] = []
    spent = 0.0
    for start in range(0, max(data.num_rows, 1), chunk_rows):
        chunk = data.slice(start, chunk_rows)
        if chunk.num_rows == 0 and parts:
            break
        t0 = time.perf_counter()
        # Only the model's inputs go to pandas (an Id column of strings would cost more than the prediction).
        df = chunk.select([f.name for f in model.features]).to_pandas()
        p = predict(model, df)
        spent += time.perf_counter() - t0
        out = chunk.append_column(pred_col, _label_array(model, p.labels))
        if p.proba is not None:
            for j, name in enumerate(proba_cols):
                out = out.append_column(name, pa.array(p.proba[:, j], type=pa.float64()))
        parts.append(out)
    return pa.concat_tables(parts), spent


def write_csv(settings: Settings, bucket: str, key: str, table: pa.Table) -> int:
    import pyarrow.csv as pacsv
    import pyarrow.fs as pafs

    scheme, _, host = settings.s3_endpoint.partition("://")
    s3 = pafs.S3FileSystem(endpoint_override=host or scheme, scheme=scheme if host else "http",
                           access_key=settings.s3_access_key_id, secret_key=settings.s3_secret_access_key, region=settings.s3_region)
    with s3.open_output_stream(f"{bucket}/{key}") as out:
        pacsv.write_csv(table, out)
    return int(s3.get_file_info(f"{bucket}/{key}").size)


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
    result, predict_seconds = predict_table(model, data, int(job.get("chunkRows") or DEFAULT_CHUNK))
    # The CSV and the Iceberg commit are independent: written concurrently (pyarrow releases the GIL).
    with ThreadPoolExecutor(max_workers=1) as pool:
        csv_future = pool.submit(write_csv, settings, job["bucket"], job["csvKey"], result)
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
