"""Drift statistics on synthetic data: a shifted sample is flagged, a fresh sample of the same distribution is not;
PSI's bins (reference quantiles, levels, missing as its own bin); the report over a trained model; the real-time
samples typed like the model's features."""

from __future__ import annotations

import functools
import json

import numpy as np
import pandas as pd
import pytest
from test_train import spec, tabular

from dataml_jobs.drift.report import drift_report
from dataml_jobs.drift.samples import samples_table
from dataml_jobs.drift.stats import Thresholds, categorical_drift, numeric_counts, numeric_drift, numeric_edges
from dataml_jobs.inference.model import from_blob
from dataml_jobs.training.model import dump_artifact, train_frame

T = Thresholds()


def test_numeric_same_distribution_is_not_flagged():
    rng = np.random.default_rng(1)
    out = numeric_drift(rng.normal(0, 1, 5000), rng.normal(0, 1, 5000), T)
    assert out["psi"] < 0.05
    assert not out["flagged"]


def test_numeric_shift_is_flagged_by_psi_and_ks():
    rng = np.random.default_rng(2)
    out = numeric_drift(rng.normal(0, 1, 5000), rng.normal(1, 1, 5000), T)
    assert out["psi"] > 0.2
    assert out["test"] == "ks" and out["p_value"] < 1e-10 and out["statistic"] > 0.3
    assert out["flagged"]


def test_a_tiny_significant_shift_needs_the_minimum_effect():
    rng = np.random.default_rng(3)
    # 200k rows: a 0.05 sd shift is "significant" but small; PSI and D stay below their thresholds.
    out = numeric_drift(rng.normal(0, 1, 200_000), rng.normal(0.05, 1, 200_000), T)
    assert out["p_value"] < 0.01
    assert out["statistic"] < T.min_effect and out["psi"] < T.psi
    assert not out["flagged"]
    strict = Thresholds(psi=0.2, p_value=0.01, min_effect=0.01)
    assert numeric_drift(rng.normal(0, 1, 200_000), rng.normal(0.05, 1, 200_000), strict)["flagged"]


def test_psi_bins_are_reference_quantiles_with_missing_last():
    ref = np.arange(100, dtype="float64")
    edges = numeric_edges(ref, 4)
    assert list(edges) == [24.75, 49.5, 74.25]
    counts = numeric_counts(np.array([0.0, 30.0, 60.0, 99.0, np.nan, np.nan]), edges)
    assert list(counts) == [1, 1, 1, 1, 2]
    # Missing values appearing only in the current sample are a shift of their own.
    rng = np.random.default_rng(4)
    cur = rng.normal(0, 1, 2000)
    cur[:600] = np.nan
    assert numeric_drift(rng.normal(0, 1, 2000), cur, T)["psi"] > 0.2


def test_psi_matches_its_formula():
    ref = pd.Series(["a"] * 50 + ["b"] * 50)
    cur = pd.Series(["a"] * 80 + ["b"] * 20)
    want = (0.8 - 0.5) * np.log(0.8 / 0.5) + (0.2 - 0.5) * np.log(0.2 / 0.5)
    assert categorical_drift(ref, cur, T)["psi"] == pytest.approx(want, abs=1e-6)


def test_categorical_levels_and_chi_square():
    rng = np.random.default_rng(5)
    ref = pd.Series(rng.choice(["basic", "plus", "pro", None], 4000, p=[0.4, 0.3, 0.2, 0.1]))
    same = pd.Series(rng.choice(["basic", "plus", "pro", None], 4000, p=[0.4, 0.3, 0.2, 0.1]))
    shifted = pd.Series(rng.choice(["basic", "plus", "pro", None], 4000, p=[0.1, 0.2, 0.6, 0.1]))
    assert not categorical_drift(ref, same, T)["flagged"]
    out = categorical_drift(ref, shifted, T)
    assert out["test"] == "chi2" and out["p_value"] < 1e-10 and out["effect"] > 0.3 and out["flagged"]
    assert "__missing__" in out["reference"]


@functools.cache
def _model(kind="binary"):
    df, template, columns = tabular(kind=kind)
    problem = "Regression" if kind == "regression" else "Classification"
    trained = train_frame(df, spec(problem, "lightgbm", template, columns))
    return df, from_blob(dump_artifact(trained.pipeline, trained.metadata))


@pytest.mark.parametrize("kind", ["binary", "regression"])
def test_report_flags_a_shifted_sample_and_not_a_fresh_one(kind):
    df, model = _model(kind)
    fresh, _, _ = tabular(seed=7, kind=kind)
    same = drift_report(model, df, fresh, T)
    assert not same["drift_detected"], same["flagged_features"]
    shifted = fresh.copy()
    shifted["age"] = shifted["age"] + 15
    shifted["plan"] = "pro"
    out = drift_report(model, df, shifted, T)
    assert out["drift_detected"]
    assert set(out["flagged_features"]) == {"age", "plan"}
    assert out["prediction"]["flagged"]  # older customers on the top plan: the predictions move too
    assert {f["feature"] for f in out["features"]} == {f.name for f in model.features}


def test_realtime_samples_are_typed_like_the_features():
    _, model = _model()
    rows = [
        {"id": 1, "sampled_at": "2026-12-02T00:00:00Z", "features": {"age": 41.5, "plan": "pro", "active": True}},
        {"id": 2, "sampled_at": "2026-12-02T00:00:01Z", "features": {"age": "x", "plan": "", "income": "7"}},
    ]
    t = samples_table(model, "\n".join(json.dumps(r) for r in rows).encode())
    assert t.num_rows == 2
    assert t.column("age").to_pylist() == [41.5, None]
    assert t.column("plan").to_pylist() == ["pro", None]
    assert t.column("income").to_pylist() == [None, 7.0]
    assert t.column("active").to_pylist() == [True, None]


def test_samples_are_appended_once_by_sample_id(tmp_path):
    from pyiceberg.catalog.sql import SqlCatalog

    from dataml_jobs.drift.samples import append_samples

    _, model = _model()
    catalog = SqlCatalog("t", uri=f"sqlite:///{tmp_path}/c.db", warehouse=f"file://{tmp_path}")
    line = lambda i: json.dumps({"id": i, "sampled_at": "2026-12-02T00:00:00+00:00", "features": {"age": i}})  # noqa: E731
    append_samples(catalog, "gold.s", model, "\n".join(line(i) for i in (1, 2)).encode(), "run-1")
    # A later run re-exports 2 (released by a failed run) with 3: only 3 is added.
    table = append_samples(catalog, "gold.s", model, "\n".join(line(i) for i in (2, 3)).encode(), "run-2")
    assert sorted(table.scan().to_arrow().column("sample_id").to_pylist()) == [1, 2, 3]
    from pyiceberg.expressions import GreaterThanOrEqual

    recent = table.scan(row_filter=GreaterThanOrEqual("sampled_at", "2026-12-01T00:00:00.000+00:00")).to_arrow()
    assert recent.num_rows == 3
