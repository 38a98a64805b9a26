"""The ONNX copy of a stored model version, made after the version is `Completed` (the train workflow's follow-up
`onnx` job): the export and its parity check on rows of the version's training snapshot, then model.onnx and the
ONNX fields of metadata.json under the version's artifact prefix.

Idempotent: a retry exports the same pipeline again and overwrites the same two objects with the same content."""

from __future__ import annotations

import json
from typing import Any

from ..common.catalog import open_catalog
from ..common.runner import JobError
from ..common.settings import Settings
from ..common.storage import get_bytes, put_bytes
from .model import load_artifact
from .onnx_export import export_onnx
from .preprocess import Feature, to_model_frame
from .spans import span

# The parity check's sample, as the export at training time used (the first rows of the training frame).
SAMPLE_ROWS = 500


def make_onnx_copy(settings: Settings, job: dict[str, Any]) -> dict[str, Any]:
    """job: {table, snapshotId, modelKey, metadataKey, artifactPrefix}. Returns {onnx_key, onnx, onnx_reason,
    onnx_status}: the fields the version's artifact record takes."""
    with span("load"):
        art = load_artifact(get_bytes(settings, job["modelKey"]))
    meta = art["metadata"]
    if meta["problem_type"] not in ("Classification", "Regression"):
        raise JobError(f"{meta['problem_type']} models have no ONNX copy")
    features = [Feature(f["column_name"], f["data_type"], f.get("default_value")) for f in meta["features"]]
    with span("read"):
        table = open_catalog(settings).load_table(job["table"])
        frame = (
            table.scan(
                snapshot_id=int(job["snapshotId"]),
                selected_fields=tuple(f.name for f in features),
                limit=SAMPLE_ROWS,
            )
            .to_arrow()
            .to_pandas()
        )
    with span("onnx"):
        blob, info = export_onnx(art["pipeline"], features, meta["problem_type"], to_model_frame(frame, features))
    onnx_key = None
    with span("save"):
        if blob is not None:
            onnx_key = put_bytes(settings, f"{job['artifactPrefix'].rstrip('/')}/model.onnx", blob)["key"]
        out = {
            "onnx_key": onnx_key,
            "onnx": {"key": onnx_key, **info} if onnx_key else None,
            "onnx_reason": None if onnx_key else info.get("reason"),
            "onnx_status": "ready" if onnx_key else "unavailable",
        }
        # metadata.json (what an export of the version ships) tells the same as the version's record.
        stored = json.loads(get_bytes(settings, job["metadataKey"]))
        stored.update({k: v for k, v in out.items() if k != "onnx_key"})
        put_bytes(settings, job["metadataKey"], json.dumps(stored, default=str, indent=1).encode(), "application/json")
    return out
