"""Temperature scaling of `auto`'s final classifier (training/temperature.py): the fit recovers a known temperature,
the gate keeps it only when it helps on rows it was not fitted on, and a scaled model exports to ONNX and keeps
exact explanations."""

from __future__ import annotations

import numpy as np
import pytest
from test_ensemble import FEATURES, data, make_pipe, members

from dataml_jobs.training import ensemble, temperature
from dataml_jobs.training.explain import contributions, mean_abs_shap, output_space
from dataml_jobs.training.onnx_export import export_onnx
from dataml_jobs.training.tabular import make_estimator


def calibrated_scores(n: int, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Labels drawn from softmax(logits): those probabilities are calibrated (T = 1 is right for them)."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=2.0, size=(n, k))
    p = temperature.scale(np.exp(logits), 1.0)
    y = np.array([rng.choice(k, p=row) for row in p])
    return p, y


@pytest.mark.parametrize("t", [0.5, 2.0])
def test_fit_recovers_the_temperature_that_miscalibrated_the_probabilities(t: float) -> None:
    p, y = calibrated_scores(4000, 3, seed=1)
    # Probabilities distorted by temperature 1/t (softmax(t log p)): temperature t undoes it.
    distorted = temperature.scale(p, 1 / t)
    found = temperature.fit(distorted, y)
    assert found == pytest.approx(t, rel=0.15)
    kept, record = temperature.choose(distorted, y, seed=3)
    assert kept == pytest.approx(found)
    assert record["out_of_selection_log_loss"]["scaled"] < record["out_of_selection_log_loss"]["plain"]


def test_calibrated_probabilities_are_left_as_they_are() -> None:
    p, y = calibrated_scores(4000, 3, seed=2)
    kept, record = temperature.choose(p, y, seed=3)
    assert kept is None and record["temperature"] is None
    assert record["fitted_temperature"] == pytest.approx(1, rel=0.1)


def test_scaling_keeps_the_ranking_and_sums_to_one() -> None:
    p, _ = calibrated_scores(500, 4, seed=4)
    for t in temperature.BOUNDS:
        s = temperature.scale(p, t)
        np.testing.assert_allclose(s.sum(axis=1), 1, atol=1e-12)
        np.testing.assert_array_equal(s.argmax(axis=1), p.argmax(axis=1))


def scaled_pipes(k: int):
    """A booster, a linear model and an ensemble (probability space), each inside a temperature, fitted."""
    problem = "Classification"
    X, y = data(k)
    models = [
        make_estimator("lightgbm", problem, k, 7, {"n_estimators": 30}),
        make_estimator("linear", problem, k, 7),
        ensemble.voting(members(problem, k, False), problem),
    ]
    return X, y, [make_pipe(temperature.TemperatureScaled(m, 0.6)).fit(X, y) for m in models]


@pytest.mark.parametrize("k", [2, 3])
def test_a_scaled_model_exports_to_onnx(k: int) -> None:
    X, _, pipes = scaled_pipes(k)
    for pipe in pipes:
        blob, check = export_onnx(pipe, FEATURES, "Classification", X)
        assert blob is not None, check
        assert check["max_abs_diff"] < 1e-4
        # The scaling is in the graph: the scaled and the plain model differ by far more than the tolerance.
        plain = pipe.named_steps["model"].estimator_.predict_proba(pipe.named_steps["preprocess"].transform(X))
        assert np.max(np.abs(plain - pipe.predict_proba(X))) > 0.01


@pytest.mark.parametrize("k", [2, 3])
def test_a_scaled_models_explanations_add_up_to_its_output(k: int) -> None:
    X, _, pipes = scaled_pipes(k)
    for pipe in pipes:
        contrib, base, names = contributions(pipe, X, k)
        raw = contrib.sum(axis=1) + base
        proba = pipe.predict_proba(X)
        space = output_space(pipe.named_steps["model"], True, k)
        if space == "probability":
            np.testing.assert_allclose(raw, proba[:, 1:] if k == 2 else proba, atol=1e-6)
        elif k == 2:  # log-odds of the positive class
            np.testing.assert_allclose(1 / (1 + np.exp(-raw[:, 0])), proba[:, 1], atol=1e-6)
        else:  # softmax scores
            e = np.exp(raw - raw.max(axis=1, keepdims=True))
            np.testing.assert_allclose(e / e.sum(axis=1, keepdims=True), proba, atol=1e-6)
        assert sum(mean_abs_shap(pipe, X, FEATURES)["feature_importance"].values()) == pytest.approx(1)
