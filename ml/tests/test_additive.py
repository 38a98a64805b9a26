"""The additive model (training/additive.py) and its ONNX form (training/additive_onnx.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dataml_jobs.training.additive import AdditiveRegressor
from dataml_jobs.training.onnx_export import export_onnx, onnx_inputs
from dataml_jobs.training.preprocess import Feature, to_model_frame
from dataml_jobs.training.tabular import make_pipeline

FEATURES = [Feature("a", "Float"), Feature("b", "Float"), Feature("c", "String"), Feature("d", "Integer")]


def frame(n: int, rng: np.random.Generator, spread: float = 1.0) -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "a": rng.normal(size=n) * spread,
            "b": rng.exponential(size=n) * spread,
            "c": rng.choice(["x", "y", "z"], n),
            "d": rng.integers(0, 3, n).astype(float),  # 3 values: stays a linear term
        }
    )
    df.loc[::9, "a"] = np.nan
    return to_model_frame(df, FEATURES)


def truth(X: pd.DataFrame) -> np.ndarray:
    return (np.sin(2 * X.a.fillna(0)) + np.log1p(X.b) + (X.c == "x") + 0.3 * X.d).to_numpy()


def test_a_curve_per_feature_fits_what_a_line_cannot() -> None:
    rng = np.random.default_rng(0)
    X, X_new = frame(800, rng), frame(400, rng)
    y = truth(X) + rng.normal(0, 0.2, len(X))
    rmse = {}
    for algorithm in ("gam", "linear"):
        pipe = make_pipeline(algorithm, "Regression", FEATURES, 0, 0).fit(X, y)
        rmse[algorithm] = float(np.sqrt(np.mean((pipe.predict(X_new) - truth(X_new)) ** 2)))
    assert rmse["gam"] < 0.5 * rmse["linear"], rmse


def test_columns_with_few_values_stay_linear_and_degenerate_ones_do_not_fail() -> None:
    rng = np.random.default_rng(1)
    n = 200
    X = np.column_stack(
        [
            rng.normal(size=n),  # a spline
            rng.integers(0, 2, n),  # a flag: linear
            np.zeros(n),  # constant: linear
            np.where(rng.random(n) < 0.97, 0.0, rng.normal(size=n)),  # mostly one value: its quantile knots collapse
        ]
    ).astype(float)
    model = AdditiveRegressor(n_knots=6).fit(X, X[:, 0] ** 2 + rng.normal(0, 0.1, n))
    splined = [s is not None for s in model.basis_.splines]
    assert splined[:3] == [True, False, False]
    assert np.isfinite(model.predict(X)).all()
    per_col, base = model.contributions(X)
    np.testing.assert_allclose(per_col.sum(axis=1)[:, 0] + base[:, 0], model.predict(X), atol=1e-9)


def test_the_expanded_matrix_stays_within_its_memory_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataml_jobs.training import additive

    rng = np.random.default_rng(3)
    X = rng.normal(size=(1000, 8))
    # Room for the 8 columns and 22 more: 3 splines of 7 basis columns each.
    monkeypatch.setattr(additive, "MAX_CELLS", 1000 * 30)
    model = AdditiveRegressor(n_knots=5).fit(X, X.sum(axis=1))
    assert [s is not None for s in model.basis_.splines] == [True] * 3 + [False] * 5
    assert len(model.basis_.owner_) <= 30


@pytest.mark.parametrize("k", [0, 2, 3])
def test_onnx_agrees_inside_and_beyond_the_training_range(k: int) -> None:
    """Rows far outside the knots take the straight-line continuation in both."""
    import onnxruntime as ort

    rng = np.random.default_rng(2)
    X = frame(600, rng)
    score = truth(X) + rng.normal(0, 0.3, len(X))
    y = np.digitize(score, np.quantile(score, np.linspace(0, 1, k + 1)[1:-1])) if k else score
    problem = "Classification" if k else "Regression"
    pipe = make_pipeline("gam", problem, FEATURES, k, 0, {"n_knots": 7}).fit(X, y)
    blob, info = export_onnx(pipe, FEATURES, problem, X)
    assert blob is not None, info
    wide = frame(300, rng, spread=4.0)  # most rows beyond the outer knots
    session = ort.InferenceSession(blob, providers=["CPUExecutionProvider"])
    outputs = session.run(None, onnx_inputs(wide, FEATURES))
    if k:
        np.testing.assert_allclose(outputs[1], pipe.predict_proba(wide), atol=1e-4)
        np.testing.assert_array_equal(np.asarray(outputs[0]).ravel(), pipe.predict(wide))
    else:
        want = pipe.predict(wide)
        np.testing.assert_allclose(np.asarray(outputs[0]).ravel(), want, atol=1e-4 * max(1.0, np.abs(want).max()))
