"""The training core on small generated data: every algorithm beats the trivial baseline clearly, the same
inputs and seed give the same metrics, the artifact round-trips, ONNX agrees with the pipeline."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dataml_jobs.common.runner import JobError
from dataml_jobs.training.model import (
    TrainSpec,
    dump_artifact,
    load_artifact,
    train_frame,
)
from dataml_jobs.training.onnx_export import export_onnx, onnx_inputs
from dataml_jobs.training.preprocess import to_model_frame

FAST = {"n_estimators": 60}
ALGOS = ["xgboost", "lightgbm", "random_forest", "linear"]


def tabular(n: int = 900, seed: int = 0, kind: str = "binary") -> tuple[pd.DataFrame, list[dict], list[dict]]:
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({
        "cid": [f"c{i}" for i in range(n)],
        "age": rng.normal(40, 10, n),
        "income": rng.normal(50, 15, n),
        "plan": rng.choice(["basic", "plus", "pro"], n),
        "active": rng.choice([True, False], n),
        "noise": rng.normal(0, 1, n),
    })
    signal = (df.age - 40) / 6 + (df.income - 50) / 10 + np.where(df.plan == "pro", 1.5, np.where(df.plan == "plus", 0.5, -1.0))
    if kind == "binary":
        df["y"] = np.where(signal + rng.normal(0, 0.5, n) > 0.3, "churn", "stay")
        ttype = "String"
    elif kind == "multi":
        s = signal + rng.normal(0, 0.4, n)
        df["y"] = np.select([s < -0.8, s < 1.0], [0, 1], 2)
        ttype = "Integer"
    else:
        df["y"] = 3.0 * signal + rng.normal(0, 0.5, n) + 10
        ttype = "Float"
    df.loc[::13, "age"] = np.nan
    df.loc[::17, "plan"] = None
    template = [
        {"column_name": "cid", "data_type": "String", "default_value": None, "nullable": False},
        {"column_name": "age", "data_type": "Float", "default_value": None, "nullable": True},
        {"column_name": "income", "data_type": "Float", "default_value": "50", "nullable": True},
        {"column_name": "plan", "data_type": "String", "default_value": "basic", "nullable": True},
        {"column_name": "active", "data_type": "Boolean", "default_value": None, "nullable": True},
        {"column_name": "noise", "data_type": "Float", "default_value": None, "nullable": True},
        {"column_name": "y", "data_type": ttype, "default_value": None, "nullable": False},
    ]
    columns = [{"column_name": "cid", "data_type": "String", "attribute_name": "Id"},
               {"column_name": "y", "data_type": ttype, "attribute_name": "Target"}]
    return df, template, columns


def spec(problem: str, algo: str, template, columns, seed: int = 7) -> TrainSpec:
    return TrainSpec(problem, algo, columns, template, seed=seed, params=FAST if algo not in ("linear", "auto") else {})


@pytest.mark.parametrize("algo", ALGOS)
def test_binary_classification_beats_majority(algo):
    df, template, columns = tabular(kind="binary")
    t = train_frame(df, spec("Classification", algo, template, columns))
    assert t.metadata["class_labels"] == ["churn", "stay"]
    assert t.metrics["accuracy"] > t.baseline["accuracy"] + 0.2
    assert t.metrics["roc_auc"] > 0.9
    assert np.array(t.metrics["confusion_matrix"]).sum() == t.metadata["rows"]["test"]
    assert {"precision", "recall", "f1_score"} <= t.metrics.keys()


@pytest.mark.parametrize("algo", ALGOS)
def test_multiclass_classification_beats_majority(algo):
    df, template, columns = tabular(kind="multi")
    t = train_frame(df, spec("Classification", algo, template, columns))
    assert t.metadata["class_labels"] == [0, 1, 2]
    assert np.array(t.metrics["confusion_matrix"]).shape == (3, 3)
    assert t.metrics["accuracy"] > t.baseline["accuracy"] + 0.2
    assert t.metrics["average"] == "macro"


@pytest.mark.parametrize("algo", ALGOS)
def test_regression_beats_mean(algo):
    df, template, columns = tabular(kind="reg")
    t = train_frame(df, spec("Regression", algo, template, columns))
    assert t.metrics["r2"] > 0.8
    assert t.metrics["rmse"] < 0.5 * t.baseline["rmse"]
    assert t.metrics["mae"] > 0 and t.metrics["mape"] is not None


def test_same_inputs_and_seed_give_the_same_metrics_and_predictions():
    df, template, columns = tabular(kind="binary")
    for algo in ["auto", "xgboost", "lightgbm"]:
        a = train_frame(df, spec("Classification", algo, template, columns, seed=3))
        b = train_frame(df, spec("Classification", algo, template, columns, seed=3))
        assert a.metrics == b.metrics
        X = to_model_frame(df.head(50), a.features)
        assert np.array_equal(a.pipeline.predict_proba(X), b.pipeline.predict_proba(X))


def test_auto_records_a_leaderboard_and_keeps_the_best_on_validation():
    df, template, columns = tabular(kind="reg")
    t = train_frame(df, spec("Regression", "auto", template, columns))
    board = t.leaderboard
    assert [r["algorithm"] for r in board] == ["lightgbm", "xgboost", "random_forest", "linear"]
    best = max(board, key=lambda r: r["validation_score"])
    assert best["selected"] and best["algorithm"] == t.algorithm
    assert t.metadata["requested_algorithm"] == "auto"


def test_auto_respects_the_time_budget():
    df, template, columns = tabular(kind="binary")
    s = spec("Classification", "auto", template, columns)
    s.time_budget = 0.0
    t = train_frame(df, s)
    assert t.leaderboard[0]["algorithm"] == "lightgbm" and "validation_score" in t.leaderboard[0]
    assert all(r.get("skipped") for r in t.leaderboard[1:])


def test_preprocess_record_uses_template_defaults():
    df, template, columns = tabular(kind="binary")
    t = train_frame(df, spec("Classification", "lightgbm", template, columns))
    feats = {f["name"]: f for f in t.preprocess["features"]}
    assert "cid" not in feats and "y" not in feats
    assert feats["income"]["impute"] == {"strategy": "constant", "value": 50.0}
    assert feats["plan"]["impute"] == {"strategy": "constant", "value": "basic"}
    assert feats["plan"]["encoding"]["categories"] == ["basic", "plus", "pro"]
    assert feats["age"]["impute"]["strategy"] == "median"
    assert t.preprocess["target"] == "y"


def test_artifact_round_trip_and_onnx_agree_with_the_pipeline():
    df, template, columns = tabular(kind="binary")
    t = train_frame(df, spec("Classification", "xgboost", template, columns))
    art = load_artifact(dump_artifact(t.pipeline, t.metadata))
    X = to_model_frame(df.head(100), t.features)
    assert np.allclose(art["pipeline"].predict_proba(X), t.pipeline.predict_proba(X))
    assert {"scikit-learn", "xgboost", "lightgbm", "python"} <= art["metadata"]["library_versions"].keys()
    blob, info = export_onnx(t.pipeline, t.features, "Classification", t.X_sample)
    assert blob is not None, info
    import onnxruntime as ort

    out = ort.InferenceSession(blob, providers=["CPUExecutionProvider"]).run(None, onnx_inputs(X, t.features))
    assert np.allclose(out[1], t.pipeline.predict_proba(X), atol=1e-4)


def test_date_features_are_used_and_onnx_records_why_it_is_absent():
    rng = np.random.default_rng(1)
    n = 600
    days = pd.date_range("2023-01-01", periods=n, freq="D")
    df = pd.DataFrame({"day": days, "x": rng.normal(0, 1, n)})
    df["y"] = np.where(df.day.dt.day_of_week >= 5, 10.0, 0.0) + df.x + rng.normal(0, 0.1, n)
    template = [{"column_name": "day", "data_type": "Date"}, {"column_name": "x", "data_type": "Float"}, {"column_name": "y", "data_type": "Float"}]
    columns = [{"column_name": "y", "data_type": "Float", "attribute_name": "Target"}]
    t = train_frame(df, TrainSpec("Regression", "lightgbm", columns, template, seed=1))
    assert t.metrics["r2"] > 0.9
    blob, info = export_onnx(t.pipeline, t.features, "Regression", t.X_sample)
    assert blob is None and "date" in info["reason"]


def test_errors_a_user_can_act_on():
    df, template, columns = tabular(kind="binary")
    df["y"] = "stay"
    with pytest.raises(JobError, match="single value"):
        train_frame(df, spec("Classification", "linear", template, columns))
    df, template, columns = tabular(kind="binary")
    df.loc[0, "y"] = "rare"
    with pytest.raises(JobError, match="single row"):
        train_frame(df, spec("Classification", "linear", template, columns))
