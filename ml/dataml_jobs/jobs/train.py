"""Trains one model version on a dataset's Iceberg table, read at a pinned snapshot (`training/dataset.py`).

Input: {trainId, tenantId, version, table: "silver.<name>", snapshotId?, fileSnapshotIds: [..], templateVersion,
template: [{column_name, data_type, default_value, nullable}], problemType, algorithm, columns: [{column_name,
data_type, attribute_name}], seed, timeBudgetSeconds?, params?, forecast?, parent?, artifactPrefix, onnx?}.
`onnx: "after"`: no ONNX copy here, the workflow's follow-up `onnx` job makes it (`training/artifacts.py`).

Output (signalled to the train workflow, built by `training/artifacts.py`): {algorithm, model_class, metrics,
baseline, leaderboard, preprocess, artifact: {bucket, model_key, metadata_key, onnx_key, onnx, size, sha256},
library_versions, snapshot_id, features, class_labels, rows, seed, duration_seconds}.
"""

from __future__ import annotations

import sys
import time
from typing import Any

_IMPORTS_STARTED = time.perf_counter()

from ..common.catalog import open_catalog
from ..common.runner import JobError, run_job
from ..common.settings import Settings
from ..common.storage import get_bytes
from ..training.artifacts import run_metadata, save_model
from ..training.dataset import job_snapshot, read_dataset
from ..training.incremental import continue_training, new_rows
from ..training.model import TrainSpec, load_artifact, train_frame
from ..training.spans import add, span
from ..training.warm_up import WarmUp

add("imports", time.perf_counter() - _IMPORTS_STARTED)


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
    started = time.monotonic()
    spec = TrainSpec.from_job(job)
    if spec.problem_type == "Forecast":
        # Imported here: statsforecast is only needed by forecasts.
        from ..training.forecast import train_forecast_job

        return train_forecast_job(job, spec, settings, started)
    if job.get("parent"):
        return train_incremental(job, spec, settings, started)
    columns = [c["column_name"] for c in spec.template]
    # Only the features and the target are read (not the Id and Ignore columns); every column must still exist.
    wanted = {f.name for f in spec.features()} | set(spec.role("Target"))
    with span("read"):
        df, snapshot_id = read_dataset(settings, job, columns, [c for c in columns if c in wanted])
    warm_up = WarmUp(settings, onnx=job.get("onnx") != "after")
    trained = train_frame(df, spec, before_fit=warm_up)
    warm_up.join()
    trained.metadata.update(run_metadata(job, snapshot_id))
    return save_model(settings, job, trained.pipeline, trained.metadata, trained, started)


def train_incremental(job: dict[str, Any], spec: TrainSpec, settings: Settings, started: float) -> dict[str, Any]:
    """Continues the parent version's booster on the rows validated since its snapshot."""
    parent = job["parent"]
    art = load_artifact(get_bytes(settings, parent["modelKey"]))
    table = open_catalog(settings).load_table(job["table"])
    snapshot_id = job_snapshot(table, job)
    columns = [c["column_name"] for c in spec.template]
    df = new_rows(table, snapshot_id, int(parent["snapshotId"]), columns)
    if df.empty:
        raise JobError(
            "no rows were validated since the previous version; add files to the dataset, then train incrementally"
        )
    trained = continue_training(art, df, spec)
    metadata = trained.metadata
    metadata.update(run_metadata(job, snapshot_id))
    metadata["parent"] = {"train_id": parent["trainId"], "snapshot_id": parent["snapshotId"]}
    trained.preprocess = {**trained.preprocess, "parent_train_id": parent["trainId"]}
    return save_model(settings, job, trained.pipeline, metadata, trained, started)


if __name__ == "__main__":
    sys.exit(run_job(main))
