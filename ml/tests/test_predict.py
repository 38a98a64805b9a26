"""Batch prediction core: the stored pipeline applied to raw rows gives the pipeline's own predictions, for
every tabular problem; the output table carries the input columns, the prediction and the class probabilities;
the ONNX copy agrees with it within 1e-5 (the real-time path's guarantee)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from test_train import spec, tabular

from dataml_jobs.inference.batch import predict_table
from dataml_jobs.inference.model import from_blob, label_name, predict, to_json_rows
from dataml_jobs.training.model import dump_artifact, train_frame
from dataml_jobs.training.onnx_export import export_onnx, onnx_inputs


def _trained(kind: str, algo: str):
    df, template, columns = tabular(kind=kind)
    problem = "Regression" if kind == "regression" else "Classification"
    s = spec(problem, algo, template, columns)
    trained = train_frame(df, s)
    model = from_blob(dump_artifact(trained.pipeline, trained.metadata))
    return df, trained, model


@pytest.mark.parametrize(
    "kind,algo", [("binary", "xgboost"), ("multi", "lightgbm"), ("regression", "linear"), ("binary", "random_forest")]
)
def test_batch_equals_the_pipeline_and_onnx(kind, algo):
    df, trained, model = _trained(kind, algo)
    rows = df.drop(columns=["y"]).head(300)
    out, _ = predict_table(model, pa.Table.from_pandas(rows, preserve_index=False), chunk_rows=128)
    assert out.num_rows == 300
    assert out.column_names[: len(rows.columns)] == list(rows.columns)
    X = model.frame(rows)
    if kind == "regression":
        want = trained.pipeline.predict(X)
        assert np.allclose(out.column("prediction").to_numpy(), want, atol=1e-9)
    else:
        labels = np.asarray(model.class_labels, dtype=object)
        want = labels[trained.pipeline.predict(X)]
        assert out.column("prediction").to_pylist() == [v.item() if isinstance(v, np.generic) else v for v in want]
        proba = trained.pipeline.predict_proba(X)
        for j, c in enumerate(model.class_labels):
            assert np.allclose(out.column(f"probability_{label_name(c)}").to_numpy(), proba[:, j], atol=1e-12)
    blob, info = export_onnx(trained.pipeline, trained.features, model.problem_type, X)
    assert blob is not None, info
    import onnxruntime as ort

    sess = ort.InferenceSession(blob, providers=["CPUExecutionProvider"])
    outs = sess.run(None, onnx_inputs(X, trained.features))
    if kind == "regression":
        assert np.max(np.abs(np.asarray(outs[0]).reshape(-1) - trained.pipeline.predict(X))) < 1e-5 * max(
            1.0, float(np.max(np.abs(want)))
        )
    else:
        assert (np.asarray(outs[0]) == trained.pipeline.predict(X)).all()
        assert np.max(np.abs(np.asarray(outs[1]) - trained.pipeline.predict_proba(X))) < 1e-5


def test_json_rows_name_classes_like_json():
    df, _, model = _trained("binary", "xgboost")
    rows = to_json_rows(model, predict(model, df.head(3)))
    assert set(rows[0]["probabilities"]) == {"churn", "stay"}
    assert abs(sum(rows[0]["probabilities"].values()) - 1) < 1e-9
    assert label_name(True) == "true" and label_name(np.bool_(False)) == "false"


def test_missing_columns_are_imputed_like_at_training():
    df, trained, model = _trained("binary", "xgboost")
    row = df.head(1).drop(columns=["plan", "income"])
    got = predict(model, row)
    full = df.head(1).copy()
    full["plan"] = None
    full["income"] = np.nan
    want = trained.pipeline.predict_proba(model.frame(full))
    assert np.allclose(got.proba, want)
