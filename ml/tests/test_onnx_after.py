"""The train job leaves the ONNX copy to the follow-up job when the workflow asks (`onnx: "after"`), and exports it
itself otherwise (workflows recorded before the change). S3 is replaced by a dict here: what is stored is checked."""

from __future__ import annotations

import json
import time
from types import SimpleNamespace

import pytest
from test_train import spec, tabular

from dataml_jobs.training import artifacts
from dataml_jobs.training.model import load_artifact, train_frame


@pytest.fixture
def stored(monkeypatch):
    objects: dict[str, bytes] = {}

    def put(settings, key, data, content_type="application/octet-stream"):
        objects[key] = data
        return {"key": key, "size": len(data), "sha256": "x"}

    monkeypatch.setattr(artifacts, "put_bytes", put)
    return objects


@pytest.mark.parametrize("onnx", ["after", None])
def test_the_train_job_exports_onnx_only_when_not_left_to_the_follow_up(stored, onnx):
    df, template, columns = tabular(kind="binary")
    trained = train_frame(df, spec("Classification", "lightgbm", template, columns))
    trained.metadata.update({"dataset_snapshot_id": "1"})
    job = {"artifactPrefix": "tenants/t/models/1/v1/", **({"onnx": onnx} if onnx else {})}
    settings = SimpleNamespace(s3_bucket="b")
    out = artifacts.save_model(settings, job, trained.pipeline, trained.metadata, trained, time.monotonic())
    meta = json.loads(stored["tenants/t/models/1/v1/metadata.json"])
    if onnx == "after":
        assert "tenants/t/models/1/v1/model.onnx" not in stored
        assert out["artifact"]["onnx_key"] is None and out["artifact"]["onnx_status"] == "pending"
        assert meta["onnx_status"] == "pending" and meta["onnx"] is None
    else:
        assert out["artifact"]["onnx_key"] == "tenants/t/models/1/v1/model.onnx"
        assert out["artifact"]["onnx_status"] == "ready" and meta["onnx_status"] == "ready"
        assert "onnx" in out["timings"]
    # The pipeline stored is the one trained either way.
    art = load_artifact(stored["tenants/t/models/1/v1/model.joblib"])
    assert art["metadata"]["onnx_status"] == meta["onnx_status"]
