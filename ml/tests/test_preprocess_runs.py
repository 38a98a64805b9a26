"""Consecutive numeric columns imputed by their medians share one preprocessing branch: the same output as one
branch per column, a record and explanations per column still, an ONNX copy, and no fit cost per column."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dataml_jobs.training.explain import feature_groups
from dataml_jobs.training.model import TrainSpec, train_frame
from dataml_jobs.training.onnx_export import export_onnx
from dataml_jobs.training.preprocess import Feature, build_preprocessor, coerce_column, describe_preprocess

FEATURES = [
    Feature("a", "Float"),
    Feature("b", "Integer"),
    Feature("c", "Boolean"),
    Feature("plan", "String"),
    Feature("d", "Float", "3"),  # a default: its own branch
    Feature("e", "Float"),
    Feature("f", "Float"),
]


def frame(n: int = 60) -> pd.DataFrame:
    rng = np.random.default_rng(2)
    df = pd.DataFrame(
        {
            "a": rng.normal(size=n),
            "b": rng.integers(0, 9, n).astype(float),
            "c": rng.integers(0, 2, n).astype(float),
            "plan": rng.choice(["x", "y"], n).astype(object),
            "d": rng.normal(size=n),
            "e": rng.normal(size=n),
            "f": np.nan,  # empty on every row: kept, as its median (0)
        }
    )
    df.loc[::4, "a"] = np.nan
    df.loc[::5, "d"] = np.nan
    return df


def test_consecutive_median_columns_share_a_branch_and_output_what_one_per_column_did():
    df = frame()
    pre = build_preprocessor(FEATURES, scale_numeric=True)
    out = pre.fit_transform(df)
    assert [cols for _, _, cols in pre.transformers] == [["a", "b", "c"], ["plan"], ["d"], ["e", "f"]]
    groups = feature_groups(pre)
    assert list(groups) == [f.name for f in FEATURES]
    for name in ("a", "b", "c", "e"):  # median imputation, then scaling, column by column
        x = df[name].to_numpy()
        x = np.where(np.isnan(x), np.nanmedian(x), x)
        assert out[:, groups[name]].ravel() == pytest.approx((x - x.mean()) / x.std())
    assert np.all(out[:, groups["f"]] == 0)
    d = df["d"].fillna(3.0).to_numpy()
    assert out[:, groups["d"]].ravel() == pytest.approx((d - d.mean()) / d.std())
    assert out[:, groups["plan"]].shape[1] == 2
    record = describe_preprocess(pre, FEATURES)["features"]
    assert [r["name"] for r in record] == [f.name for f in FEATURES]
    assert record[0]["impute"] == {"strategy": "median", "value": pytest.approx(df["a"].median())}
    assert record[4]["impute"] == {"strategy": "constant", "value": 3.0}
    assert all(r["encoding"]["type"] == "scaled" for r in record if r["kind"] == "numeric")


def test_an_infinity_is_missing_like_a_blank():
    s = coerce_column(pd.Series(["1.5", "inf", "-inf", None, 2]), "Float")
    assert s.tolist()[0] == 1.5 and s.tolist()[4] == 2.0 and s.isna().tolist() == [False, True, True, True, False]


@pytest.mark.parametrize("algo", ["linear", "lightgbm"])
def test_wide_numeric_data_trains_with_infinities_and_exports(algo):
    rng = np.random.default_rng(0)
    n, p = 500, 300
    df = pd.DataFrame(rng.normal(size=(n, p)), columns=[f"x{i}" for i in range(p)])
    df["y"] = 2 * df["x0"] - df["x1"] + rng.normal(scale=0.3, size=n)
    df.loc[::7, "x0"] = np.inf
    df.loc[5, "y"] = -np.inf  # no finite target: the row is left out, as an empty one is
    template = [{"column_name": c, "data_type": "Float", "default_value": None, "nullable": True} for c in df.columns]
    columns = [{"column_name": "y", "data_type": "Float", "attribute_name": "Target"}]
    params = {"n_estimators": 60} if algo != "linear" else {}
    t = train_frame(df, TrainSpec("Regression", algo, columns, template, seed=1, params=params))
    assert t.metadata["rows"]["fit"] == n - 1
    assert t.metrics["r2"] > 0.5
    pre = t.pipeline.named_steps["preprocess"]
    assert len(pre.transformers_) == 1 and len(t.preprocess["features"]) == p
    blob, info = export_onnx(t.pipeline, t.features, "Regression", t.X_sample)
    assert blob is not None, info


def test_the_scaler_computes_as_its_onnx_copy_so_trees_behind_it_export_exactly():
    from sklearn.datasets import load_breast_cancer
    from sklearn.ensemble import VotingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler
    from xgboost import XGBClassifier

    from dataml_jobs.training.preprocess import Float32Scaler, to_model_frame

    data = load_breast_cancer(as_frame=True).frame.rename(columns=str)
    features = [Feature(c, "Float") for c in data.columns if c != "target"]
    X, y = to_model_frame(data, features), data["target"].to_numpy()
    plain = StandardScaler().fit(X.to_numpy())
    assert Float32Scaler().fit(X.to_numpy()).transform(X.to_numpy()) == pytest.approx(
        plain.transform(X.to_numpy()), rel=1e-5, abs=1e-5
    )
    # Histogram trees put thresholds at values of the training rows: behind a float64 scaler, the ONNX copy's float32
    # arithmetic sent some of those rows down the other branch (0.108 apart in a probability).
    trees = XGBClassifier(n_estimators=50, max_leaves=8, max_depth=0, grow_policy="lossguide", tree_method="hist")
    linear = LogisticRegression(max_iter=500)
    blend = VotingClassifier(
        [("linear", linear), ("xgboost", trees)], voting="soft", weights=np.array([0.8, 0.2]), flatten_transform=False
    )
    for model in (trees, blend):
        pipe = Pipeline([("preprocess", build_preprocessor(features, scale_numeric=True)), ("model", model)]).fit(X, y)
        assert isinstance(pipe.named_steps["preprocess"].transformers_[0][1].named_steps["scale"], Float32Scaler)
        blob, info = export_onnx(pipe, features, "Classification", X)
        assert blob is not None, info
        assert info["max_abs_diff"] < 1e-5
