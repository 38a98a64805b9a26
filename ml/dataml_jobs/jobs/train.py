"""Trains one model version on a dataset's Iceberg table, read at a pinned snapshot.

Input: {trainId, tenantId, version, table: "silver.<name>", snapshotId?, fileSnapshotIds: [..], templateVersion,
template: [{column_name, data_type, default_value, nullable}], problemType, algorithm, columns: [{column_name,
data_type, attribute_name}], seed, timeBudgetSeconds?, params?, forecast?, artifactPrefix}.

Output (signalled to the train workflow): {algorithm, model_class, metrics, baseline, leaderboard, preprocess,
artifact: {bucket, model_key, metadata_key, onnx_key, onnx, size, sha256}, library_versions, snapshot_id,
features, class_labels, rows, seed, duration_seconds}.

The snapshot: an explicit `snapshotId` (a retrain of the same inputs), else the table's current snapshot, which
must contain the commit of every file the dataset had when training was requested (`fileSnapshotIds`). The id
actually read is reported and stored with the model, so the exact rows can always be read again.
"""
from __future__ import annotations

import importlib
import json
import sys
import threading
import time
from typing import Any

_IMPORTS_STARTED = time.perf_counter()

import pandas as pd

from ..common.catalog import open_catalog
from ..common.runner import JobError, run_job
from ..common.settings import Settings
from ..common.storage import put_bytes, s3_client
from ..training.model import TrainSpec, dump_artifact, train_frame
from ..training.onnx_export import export_onnx
from ..training.onnx_export import prepare as prepare_onnx
from ..training.spans import add, report, span

add("imports", time.perf_counter() - _IMPORTS_STARTED)


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
        raise JobError(f"the dataset's table does not contain the commits of its files ({', '.join(missing[:3])}); validate the dataset again")
    return current.snapshot_id


def read_dataset(settings: Settings, job: dict[str, Any], columns: list[str],
                 used: list[str] | None = None) -> tuple[pd.DataFrame, int]:
    """Reads the snapshot in one pyarrow scan; `columns` must all exist, only `used` (default: all) are read."""
    catalog = open_catalog(settings)
    table = catalog.load_table(job["table"])
    snapshot_id = resolve_snapshot(table, job.get("snapshotId"), [str(s) for s in job.get("fileSnapshotIds") or []])
    names = set(table.schema().column_names)
    absent = [c for c in columns if c not in names]
    if absent:
        raise JobError(f"columns missing from the dataset's table: {', '.join(absent)}")
    arrow = table.scan(snapshot_id=snapshot_id, selected_fields=tuple(used if used is not None else columns)).to_arrow()
    # One conversion, without the consolidation copy; arrow's buffers are released as the columns are converted.
    return arrow.to_pandas(split_blocks=True, self_destruct=True), snapshot_id


class WarmUp:
    """Called just before the final fit: in a thread, while the model fits (XGBoost and LightGBM release the GIL),
    imports what the export, the upload and the signal need (skl2onnx, the converter of the model's library,
    onnxruntime, boto3 and its client, temporalio), so that none of it is paid after the fit. Failures are ignored
    here: the step that needs the library meets them again and reports them as before."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.thread: threading.Thread | None = None

    def __call__(self, pipeline: Any) -> None:
        self.thread = threading.Thread(target=self._run, args=(pipeline.named_steps["model"],), name="warm-up", daemon=True)
        self.thread.start()

    def _run(self, model: Any) -> None:
        t0 = time.perf_counter()
        for step in (lambda: prepare_onnx(model), lambda: s3_client(self.settings), lambda: importlib.import_module("temporalio.client")):
            try:
                step()
            except Exception:  # noqa: BLE001, S110 - met again (and reported) by the step that needs it
                pass
        add("warm_up_during_fit", time.perf_counter() - t0)

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
    started = time.monotonic()
    spec = TrainSpec.from_job(job)
    if spec.problem_type == "Forecast":
        from ..training.forecast import train_forecast_job

        return train_forecast_job(job, spec, settings, started)
    if job.get("parent"):
        return train_incremental(job, spec, settings, started)
    columns = [c["column_name"] for c in spec.template]
    # Only the features and the target are read (not the Id and Ignore columns); every column must still exist.
    wanted = {f.name for f in spec.features()} | set(spec.role("Target"))
    with span("read"):
        df, snapshot_id = read_dataset(settings, job, columns, [c for c in columns if c in wanted])
    warm_up = WarmUp(settings)
    trained = train_frame(df, spec, before_fit=warm_up)
    warm_up.join()
    trained.metadata.update({
        "train_id": job.get("trainId"), "version": job.get("version"), "tenant_id": job.get("tenantId"),
        "dataset_snapshot_id": str(snapshot_id), "template_version": job.get("templateVersion"), "table": job["table"],
    })
    return save_model(settings, job, trained.pipeline, trained.metadata, trained, started)


def train_incremental(job: dict[str, Any], spec: TrainSpec, settings: Settings, started: float) -> dict[str, Any]:
    from ..common.storage import get_bytes
    from ..training.incremental import continue_training, new_rows
    from ..training.model import load_artifact

    parent = job["parent"]
    art = load_artifact(get_bytes(settings, parent["modelKey"]))
    table = open_catalog(settings).load_table(job["table"])
    snapshot_id = resolve_snapshot(table, job.get("snapshotId"), [str(s) for s in job.get("fileSnapshotIds") or []])
    columns = [c["column_name"] for c in spec.template]
    df = new_rows(table, snapshot_id, int(parent["snapshotId"]), columns)
    if df.empty:
        raise JobError("no rows were validated since the previous version; add files to the dataset, then train incrementally")
    trained = continue_training(art, df, spec)
    metadata = trained.metadata
    metadata.update({
        "train_id": job.get("trainId"), "version": job.get("version"), "tenant_id": job.get("tenantId"),
        "dataset_snapshot_id": str(snapshot_id), "template_version": job.get("templateVersion"), "table": job["table"],
        "parent": {"train_id": parent["trainId"], "snapshot_id": parent["snapshotId"]},
    })
    trained.preprocess = {**trained.preprocess, "parent_train_id": parent["trainId"]}
    return save_model(settings, job, trained.pipeline, metadata, trained, started)


def save_model(settings: Settings, job: dict[str, Any], pipeline: Any, metadata: dict[str, Any], trained: Any,
               started: float) -> dict[str, Any]:
    prefix = job["artifactPrefix"].rstrip("/")
    t_onnx = time.perf_counter()
    onnx_blob, onnx_info = (export_onnx(pipeline, trained.features, metadata["problem_type"], trained.X_sample)
                            if metadata["problem_type"] != "Forecast" else (None, {"reason": "forecast models are not exported to ONNX"}))
    add("onnx", time.perf_counter() - t_onnx)
    t_save = time.perf_counter()
    onnx_key = None
    if onnx_blob is not None:
        onnx_key = put_bytes(settings, f"{prefix}/model.onnx", onnx_blob)["key"]
    metadata["onnx"] = {"key": onnx_key, **onnx_info} if onnx_key else None
    metadata["onnx_reason"] = None if onnx_key else onnx_info.get("reason")
    metadata["metrics"] = trained.metrics
    stored = put_bytes(settings, f"{prefix}/model.joblib", dump_artifact(pipeline, metadata))
    meta_key = put_bytes(settings, f"{prefix}/metadata.json", json.dumps(metadata, default=str, indent=1).encode(), "application/json")["key"]
    add("save", time.perf_counter() - t_save)
    print(report(), flush=True)
    return {
        "algorithm": trained.algorithm,
        "model_class": metadata["model_class"],
        "metrics": trained.metrics,
        "baseline": trained.baseline,
        "leaderboard": trained.leaderboard,
        "preprocess": trained.preprocess,
        "artifact": {"bucket": settings.s3_bucket, "model_key": stored["key"], "metadata_key": meta_key, "onnx_key": onnx_key,
                     "onnx": metadata["onnx"], "onnx_reason": metadata["onnx_reason"], "size": stored["size"], "sha256": stored["sha256"]},
        "library_versions": metadata["library_versions"],
        "snapshot_id": metadata["dataset_snapshot_id"],
        "features": metadata["features"],
        "class_labels": metadata["class_labels"],
        "rows": metadata["rows"],
        "seed": metadata["seed"],
        "config": metadata["config"],
        "duration_seconds": round(time.monotonic() - started, 3),
    }


if __name__ == "__main__":
    sys.exit(run_job(main))
