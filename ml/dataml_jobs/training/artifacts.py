"""Stores a trained model version: the joblib pipeline, its ONNX copy (tabular models) and metadata.json under
the job's `artifactPrefix`, and builds the result the train job signals back.

With `onnx: "after"` in the job (the train workflow asks for it) the ONNX copy is left to the follow-up `onnx` job
(`training/onnx_copy.py`), run after the version is `Completed`: the export and its parity check (~1 s or more)
are then off the path to a usable model, which serves with the Python pipeline until the copy is ready."""

from __future__ import annotations

import json
import time
from typing import Any

from ..common.settings import Settings
from ..common.storage import put_bytes
from .model import dump_artifact
from .onnx_export import export_onnx
from .spans import SPANS, add, report

ONNX_PENDING = "the ONNX copy is being made (served with the Python pipeline until it is ready)"


def run_metadata(job: dict[str, Any], snapshot_id: int) -> dict[str, Any]:
    """What every model's metadata records of the run that trained it."""
    return {
        "train_id": job.get("trainId"),
        "version": job.get("version"),
        "tenant_id": job.get("tenantId"),
        "dataset_snapshot_id": str(snapshot_id),
        "template_version": job.get("templateVersion"),
        "table": job["table"],
    }


def save_model(
    settings: Settings,
    job: dict[str, Any],
    pipeline: Any,
    metadata: dict[str, Any],
    trained: Any,
    started: float,
) -> dict[str, Any]:
    prefix = job["artifactPrefix"].rstrip("/")
    t_onnx = time.perf_counter()
    deferred = job.get("onnx") == "after" and metadata["problem_type"] != "Forecast"
    if deferred:
        onnx_blob, onnx_info = None, {"reason": ONNX_PENDING}
    elif metadata["problem_type"] == "Forecast":
        onnx_blob, onnx_info = None, {"reason": "forecast models are not exported to ONNX"}
    else:
        onnx_blob, onnx_info = export_onnx(pipeline, trained.features, metadata["problem_type"], trained.X_sample)
    add("onnx", time.perf_counter() - t_onnx)
    t_save = time.perf_counter()
    onnx_key = None
    if onnx_blob is not None:
        onnx_key = put_bytes(settings, f"{prefix}/model.onnx", onnx_blob)["key"]
    metadata["onnx"] = {"key": onnx_key, **onnx_info} if onnx_key else None
    metadata["onnx_reason"] = None if onnx_key else onnx_info.get("reason")
    metadata["onnx_status"] = "pending" if deferred else ("ready" if onnx_key else "unavailable")
    metadata["metrics"] = trained.metrics
    stored = put_bytes(settings, f"{prefix}/model.joblib", dump_artifact(pipeline, metadata))
    meta_json = json.dumps(metadata, default=str, indent=1).encode()
    meta_key = put_bytes(settings, f"{prefix}/metadata.json", meta_json, "application/json")["key"]
    add("save", time.perf_counter() - t_save)
    print(report(), flush=True)
    return {
        "algorithm": trained.algorithm,
        "model_class": metadata["model_class"],
        "metrics": trained.metrics,
        "baseline": trained.baseline,
        "leaderboard": trained.leaderboard,
        "preprocess": trained.preprocess,
        "artifact": {
            "bucket": settings.s3_bucket,
            "model_key": stored["key"],
            "metadata_key": meta_key,
            "onnx_key": onnx_key,
            "onnx": metadata["onnx"],
            "onnx_reason": metadata["onnx_reason"],
            "onnx_status": metadata["onnx_status"],
            "size": stored["size"],
            "sha256": stored["sha256"],
        },
        "library_versions": metadata["library_versions"],
        "snapshot_id": metadata["dataset_snapshot_id"],
        "features": metadata["features"],
        "class_labels": metadata["class_labels"],
        "rows": metadata["rows"],
        "seed": metadata["seed"],
        "config": metadata["config"],
        "duration_seconds": round(time.monotonic() - started, 3),
        # Seconds per phase of this job (read, fit, evaluate, refit, onnx, save ...), for the benchmark's breakdown.
        "timings": {k: round(v, 3) for k, v in SPANS.items()},
    }
