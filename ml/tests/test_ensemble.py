"""`auto`'s ensemble (training/ensemble.py): greedy selection on synthetic predictions, the fall-back to the single
model, and the fitted ensemble's ONNX copy and explanations."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from sklearn.pipeline import Pipeline

from dataml_jobs.training import ensemble
from dataml_jobs.training.explain import contributions, mean_abs_shap, output_space
from dataml_jobs.training.log_target import log_target
from dataml_jobs.training.onnx_export import export_onnx
from dataml_jobs.training.preprocess import Feature, build_preprocessor, to_model_frame
from dataml_jobs.training.search import FamilyBest
from dataml_jobs.training.tabular import make_estimator

FEATURES = [Feature("a", "Float"), Feature("b", "String"), Feature("c", "Float")]


def test_selection_blends_two_complementary_models_and_is_deterministic() -> None:
    # Two regressors with independent errors of the same size: their mean halves the variance; a third, much noisier,
    # is useless.
    rng = np.random.default_rng(0)
    y = rng.normal(size=2000)
    preds = [(y + rng.normal(size=2000, scale=s)).reshape(-1, 1) for s in (1, 1, 5)]
    first = ensemble.greedy_selection(preds, y, ensemble.rmse)
    assert first.weights.sum() == pytest.approx(1)
    assert first.weights[2] == 0
    assert 0.3 <= first.weights[0] <= 0.7
    assert first.loss < min(ensemble.rmse(y, p) for p in preds) * 0.8
    again = ensemble.greedy_selection(preds, y, ensemble.rmse)
    np.testing.assert_array_equal(again.weights, first.weights)


def test_selection_keeps_a_single_model_that_nothing_improves() -> None:
    # The second model is the first one, worse: adding it never lowers the loss.
    rng = np.random.default_rng(1)
    y = rng.integers(0, 3, size=600)
    good = np.full((600, 3), 0.1)
    good[np.arange(600), y] = 0.8
    worse = (good + 1 / 3) / 2
    sel = ensemble.greedy_selection([worse, good], y, ensemble.log_loss)
    np.testing.assert_array_equal(sel.weights, [0, 1])


def data(k: int, n: int = 400) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(4)
    df = pd.DataFrame({"a": rng.normal(size=n), "b": rng.choice(["x", "y", "z"], n), "c": rng.normal(size=n)})
    df.loc[::9, "a"] = np.nan
    X = to_model_frame(df, FEATURES)
    # A linear part (the linear model's strength) and a step (the trees'): a blend of both families helps.
    score = 1.5 * X.a.fillna(0) - X.c + 2 * (X.b == "x") * (X.c > 0) + rng.logistic(size=n) * 0.7
    if not k:
        return X, score.to_numpy()
    return X, np.digitize(score, np.quantile(score, np.linspace(0, 1, k + 1)[1:-1]))


def family(algorithm: str, problem: str, k: int, score: float, name: str) -> FamilyBest:
    params = None if algorithm == "linear" else {"n_estimators": 30}
    return FamilyBest(name, algorithm, make_estimator(algorithm, problem, k, 7, params), score, 0.01)


def make_pipe(est: object) -> Pipeline:
    return Pipeline([("preprocess", build_preprocessor(FEATURES, scale_numeric=True)), ("model", est)])


@pytest.mark.parametrize("k", [0, 2])
def test_choose_is_reproducible_and_falls_back_without_time(k: int) -> None:
    X, y = data(k)
    problem = "Classification" if k else "Regression"
    fams = [
        family("lightgbm", problem, k, 0.5, "lgbm"),
        family("linear", problem, k, 0.55, "lrl2" if k else "enet"),
        family("random_forest", problem, k, 0.6, "rf"),
    ]
    a = ensemble.choose(make_pipe, fams, X, y, problem, k, 7, float("inf"))
    b = ensemble.choose(make_pipe, fams, X, y, problem, k, 7, float("inf"))
    assert a.record == b.record
    assert len(a.record["candidates"]) == 3
    # A linear part and a step: the selection mixes two families, so the blend is kept; its out-of-sample loss is
    # below every candidate's.
    assert len(a.members) >= 2 and a.record["kept"]
    assert sum(w for *_, w in a.members) == pytest.approx(1)
    assert a.record["validation_score"] < min(c["validation_score"] for c in a.record["candidates"])
    # No time for a second member's fits: the single model, and why.
    none = ensemble.choose(make_pipe, fams, X, y, problem, k, 7, 0.01 * ensemble.FITS_NEEDED * 1.5)
    assert none.members == [] and "not enough time" in none.record["skipped"]
    # The trials claimed the fits are free, but the measured out-of-sample fits overrun the time left.
    free = [dataclasses.replace(f, fit_seconds=0.0) for f in fams]
    measured = ensemble.choose(make_pipe, free, X, y, problem, k, 7, 1e-4)
    assert measured.members == [] and "not enough time" in measured.record["skipped"]
    # A second family far behind the best is no candidate.
    far = [fams[0], family("linear", problem, k, 0.5 * ensemble.REACH * 1.1, "x")]
    assert ensemble.choose(make_pipe, far, X, y, problem, k, 7, float("inf")).members == []


def members(problem: str, k: int, with_xgboost: bool) -> list[tuple[str, str, object, float]]:
    out = [
        ("lgbm", "lightgbm", family("lightgbm", problem, k, 0, "lgbm").estimator, 0.5),
        ("rf", "random_forest", family("random_forest", problem, k, 0, "rf").estimator, 0.1),
        ("linear", "linear", family("linear", problem, k, 0, "linear").estimator, 0.2),
    ]
    if with_xgboost:
        out.insert(1, ("xgboost", "xgboost", family("xgboost", problem, k, 0, "xgboost").estimator, 0.2))
    return out


@pytest.mark.parametrize("k", [0, 2, 3])
def test_an_ensemble_exports_to_onnx(k: int) -> None:
    # Without XGBoost: its ONNX copy misses the pipeline's output on this data alone as well (a gap of the XGBoost
    # export, not of the ensemble; such a model is served by the Python model server).
    X, y = data(k)
    problem = "Classification" if k else "Regression"
    pipe = make_pipe(ensemble.voting(members(problem, k, False), problem)).fit(X, y)
    blob, check = export_onnx(pipe, FEATURES, problem, X)
    assert blob is not None, check
    assert check["max_abs_diff"] < 1e-4


@pytest.mark.parametrize("k", [0, 2, 3])
def test_an_ensembles_explanations_add_up_to_its_output(k: int) -> None:
    X, y = data(k)
    problem = "Classification" if k else "Regression"
    pipe = make_pipe(ensemble.voting(members(problem, k, True), problem)).fit(X, y)
    contrib, base, names = contributions(pipe, X, k)
    assert names == ["a", "b", "c"]
    raw = contrib.sum(axis=1) + base
    model = pipe.named_steps["model"]
    if not k:
        assert output_space(model, False, 0) == "value"
        np.testing.assert_allclose(raw[:, 0], pipe.predict(X), atol=1e-6)
    else:
        proba = pipe.predict_proba(X)
        np.testing.assert_allclose(proba.sum(axis=1), 1, atol=1e-9)
        assert output_space(model, True, k) == "probability"
        np.testing.assert_allclose(raw, proba[:, 1:] if k == 2 else proba, atol=1e-6)
    importance = mean_abs_shap(pipe, X, FEATURES)
    assert importance["explainer"] == "ensemble"
    assert sum(importance["feature_importance"].values()) == pytest.approx(1)


def positive(k: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """A skewed positive target (a price-like exp of the score)."""
    X, y = data(k)
    return X, np.exp(y / 2)


def test_a_positive_target_adds_the_best_tree_familys_log_target_candidate() -> None:
    X, y = positive()
    fams = [family("lightgbm", "Regression", 0, 0.5, "lgbm"), family("linear", "Regression", 0, 0.55, "enet")]
    picked = ensemble.choose(make_pipe, fams, X, y, "Regression", 0, 7, float("inf"), positive=True)
    names = [c["estimator"] for c in picked.record["candidates"]]
    assert names == ["lgbm", "lgbm_log", "enet"]
    logged = picked.record["candidates"][1]
    assert logged["algorithm"] == "lightgbm" and np.isfinite(logged["validation_score"])
    # One family alone: its log-target twin is a second candidate.
    single = ensemble.choose(make_pipe, fams[:1], X, y, "Regression", 0, 7, float("inf"), positive=True)
    assert [c["estimator"] for c in single.record["candidates"]] == ["lgbm", "lgbm_log"]
    # The twin is the best TREE family's, right after it: exp of a linear model's extrapolation has no bound.
    linear_first = [fams[1], fams[0]]
    picked = ensemble.choose(make_pipe, linear_first, X, y, "Regression", 0, 7, float("inf"), positive=True)
    assert [c["estimator"] for c in picked.record["candidates"]] == ["enet", "lgbm", "lgbm_log"]
    alone = ensemble.choose(make_pipe, linear_first[:1], X, y, "Regression", 0, 7, float("inf"), positive=True)
    assert alone.members == [] and "single family" in alone.record["skipped"]
    # A target with a value <= 0 has no logarithm: no such candidate (also `test_choose_is_reproducible...`).
    shifted = ensemble.choose(make_pipe, fams, X, y - y.min(), "Regression", 0, 7, float("inf"), positive=True)
    assert [c["estimator"] for c in shifted.record["candidates"]] == ["lgbm", "enet"]
    # Nor when a row outside these (the hold-out part, which the refit fits on too) has one.
    elsewhere = ensemble.choose(make_pipe, fams, X, y, "Regression", 0, 7, float("inf"), positive=False)
    assert [c["estimator"] for c in elsewhere.record["candidates"]] == ["lgbm", "enet"]


def log_members(with_xgboost: bool) -> list[tuple[str, str, object, float]]:
    out = [
        ("lgbm", "lightgbm", family("lightgbm", "Regression", 0, 0, "lgbm").estimator, 0.3),
        ("lgbm_log", "lightgbm", log_target(family("lightgbm", "Regression", 0, 0, "lgbm").estimator), 0.3),
        ("rf_log", "random_forest", log_target(family("random_forest", "Regression", 0, 0, "rf").estimator), 0.2),
        ("linear_log", "linear", log_target(family("linear", "Regression", 0, 0, "linear").estimator), 0.1),
        ("gam_log", "gam", log_target(make_estimator("gam", "Regression", 0, 7)), 0.1),
    ]
    if with_xgboost:
        out.append(("xgboost_log", "xgboost", log_target(family("xgboost", "Regression", 0, 0, "x").estimator), 0.1))
    return out


def test_an_ensemble_with_log_target_members_exports_to_onnx() -> None:
    X, y = positive()
    pipe = make_pipe(ensemble.voting(log_members(False), "Regression")).fit(X, y)
    blob, check = export_onnx(pipe, FEATURES, "Regression", X)
    assert blob is not None, check
    # float32 inside the graph, exp outside: relative to the predictions' size.
    assert check["max_abs_diff"] < 1e-5 * np.abs(pipe.predict(X)).max()


def test_an_ensembles_log_target_members_are_explained_in_its_value() -> None:
    X, y = positive()
    pipe = make_pipe(ensemble.voting(log_members(True), "Regression")).fit(X, y)
    contrib, base, names = contributions(pipe, X, 0)
    assert names == ["a", "b", "c"]
    np.testing.assert_allclose((contrib.sum(axis=1) + base)[:, 0], pipe.predict(X), rtol=1e-9, atol=1e-9)
    # Each log-target member's share keeps the signs of its log-space contributions: `a` raises the target.
    assert np.corrcoef(contrib[:, 0, 0], X.a.fillna(0))[0, 1] > 0.5
    importance = mean_abs_shap(pipe, X, FEATURES)
    assert sum(importance["feature_importance"].values()) == pytest.approx(1)
