"""`auto`'s calibration choice (training/calibration.py): by validation log-loss, within the time left."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dataml_jobs.training import calibration
from dataml_jobs.training.preprocess import Feature, to_model_frame
from dataml_jobs.training.tabular import make_pipeline

FEATURES = [Feature("a", "Float"), Feature("b", "Float")]


def noisy(n: int = 1500) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(4)
    df = pd.DataFrame({"a": rng.normal(size=n), "b": rng.normal(size=n)})
    y = (df.a + rng.logistic(scale=2.0, size=n) > 0).astype(int).to_numpy()
    return to_model_frame(df, FEATURES), y


def test_an_overconfident_model_is_calibrated_and_its_probabilities_sum_to_1() -> None:
    X, y = noisy()
    # Deep trees at a high rate on labels that are mostly noise: far too confident.
    pipe = make_pipeline("lightgbm", "Classification", FEATURES, 2, 1, {"num_leaves": 63, "learning_rate": 0.3})
    method, record = calibration.choose(pipe, X, y, 2, 1, float("inf"))
    losses = record["validation_log_loss"]
    assert method in calibration.METHODS and losses[method] < losses["none"] * (1 - calibration.MIN_GAIN)
    fitted = calibration.calibrated(pipe, method, 1).fit(X, y)
    np.testing.assert_allclose(fitted.predict_proba(X).sum(axis=1), 1.0, atol=1e-12)


def test_no_time_left_keeps_the_model_as_it_is_without_fitting() -> None:
    X, y = noisy(300)
    pipe = make_pipeline("lightgbm", "Classification", FEATURES, 2, 1)
    method, record = calibration.choose(pipe, X, y, 2, 1, seconds_left=0.0, trial_seconds=0.1)
    assert method is None and record["skipped"].startswith("not enough time left")
    assert "validation_log_loss" not in record  # nothing was fitted


@pytest.mark.parametrize("k", [2, 3])
@pytest.mark.parametrize("method", ["sigmoid", "isotonic"])
@pytest.mark.parametrize("algorithm", ["gam", "linear", "xgboost", "lightgbm", "random_forest", "extra_trees"])
def test_a_calibrated_model_keeps_an_exact_onnx_copy(algorithm: str, method: str, k: int) -> None:
    """Our converter (calibration_onnx.py) mirrors sklearn's calibration. skl2onnx's asked every base for a decision
    function (extra trees have none: no ONNX copy) and rounded isotonic calibration to the nearest threshold
    (0.01-0.045 apart). The base's converter must be registered too (a fresh train job failed with a KeyError), and
    answer the additive model's and LightGBM's decision function, not probabilities (0.47 and 0.49 apart on real
    tables)."""
    import onnxruntime as ort

    from dataml_jobs.training import onnx_export
    from dataml_jobs.training.onnx_export import export_onnx, onnx_inputs

    X, _ = noisy(900)
    rng = np.random.default_rng(5)
    latent = X.a.to_numpy() + np.sin(2 * X.b.to_numpy()) + rng.logistic(scale=0.5, size=len(X))
    y = np.digitize(latent, np.quantile(latent, np.linspace(0, 1, k + 1)[1:-1]))
    params = {"n_knots": 7} if algorithm == "gam" else {}
    pipe = calibration.calibrated(make_pipeline(algorithm, "Classification", FEATURES, k, 0, params), method, 0)
    pipe.fit(X, y)
    base = pipe.named_steps["model"].estimator
    assert [type(m) for m in onnx_export._members(pipe.named_steps["model"])] == [type(base)]
    blob, info = export_onnx(pipe, FEATURES, "Classification", X)
    assert blob is not None, info
    assert algorithm not in ("xgboost", "lightgbm") or algorithm in onnx_export._registered
    # The training rows, and a grid far outside them: responses beyond the ends of the calibrators' fitted range.
    grid = np.linspace(-12, 12, 13)
    far = to_model_frame(pd.DataFrame({"a": np.repeat(grid, len(grid)), "b": np.tile(grid, len(grid))}), FEATURES)
    rows = pd.concat([X, far], ignore_index=True)
    label, proba = ort.InferenceSession(blob, providers=["CPUExecutionProvider"]).run(None, onnx_inputs(rows, FEATURES))
    want = pipe.predict_proba(rows)
    assert proba.shape == want.shape and label.shape == (len(rows),)
    diff = np.abs(proba - want).max()
    assert diff < 1e-4, diff
    top2 = np.sort(want, axis=1)[:, -2:]
    clear = top2[:, 1] - top2[:, 0] > 1e-3  # a near tie may go either way in float32
    np.testing.assert_array_equal(label[clear], pipe.predict(rows)[clear])
