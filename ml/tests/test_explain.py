"""Per-row feature contributions (training/explain.py `contributions`): for every model family `auto` can choose,
and for a calibrated model, base value + contributions equal the raw output the probabilities come from."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.special import expit, softmax

from dataml_jobs.training import calibration
from dataml_jobs.training.explain import contributions, output_space
from dataml_jobs.training.preprocess import Feature, to_model_frame
from dataml_jobs.training.tabular import make_pipeline

FEATURES = [Feature("a", "Float"), Feature("b", "String"), Feature("c", "Float")]
FAMILIES = ["lightgbm", "xgboost", "random_forest", "extra_trees", "linear", "gam"]


def frame(n: int = 300) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"a": rng.normal(size=n), "b": rng.choice(["x", "y", "z"], n), "c": rng.normal(size=n)})
    df.loc[::7, "a"] = np.nan
    return to_model_frame(df, FEATURES)


def target(X: pd.DataFrame, k: int) -> np.ndarray:
    rng = np.random.default_rng(1)
    score = X.a.fillna(0) + (X.b == "x") - X.c + rng.logistic(size=len(X))
    return np.digitize(score, np.quantile(score, np.linspace(0, 1, k + 1)[1:-1])) if k else score.to_numpy()


def raw_from_proba(space: str, proba: np.ndarray, k: int) -> np.ndarray:
    """What the explained outputs must be, read back from the probabilities where the link is invertible."""
    if space == "probability":
        return proba[:, 1:] if k == 2 else proba
    return np.log(proba[:, 1:] / proba[:, :1])  # log_odds, binary


@pytest.mark.parametrize("k", [0, 2, 3])
@pytest.mark.parametrize("algorithm", FAMILIES)
def test_contributions_sum_to_the_raw_output(algorithm: str, k: int) -> None:
    X = frame()
    y = target(X, k)
    problem = "Classification" if k else "Regression"
    small = (
        None if algorithm in ("linear", "gam") else {"n_estimators": 20}
    )  # a few trees: the sums hold for any number
    pipe = make_pipeline(algorithm, problem, FEATURES, k, 1, small).fit(X, y)
    contrib, base, names = contributions(pipe, X, k)
    assert names == ["a", "b", "c"]  # the one-hot columns of b are folded back into it
    assert contrib.shape == (len(X), 3, 3 if k == 3 else 1)
    raw = contrib.sum(axis=1) + base
    space = output_space(pipe.named_steps["model"], bool(k), k)
    if not k:
        np.testing.assert_allclose(raw[:, 0], pipe.predict(X), atol=1e-5)
    elif space == "softmax_score":  # the scores are defined up to a constant: compare the softmax
        np.testing.assert_allclose(softmax(raw, axis=1), pipe.predict_proba(X), atol=1e-5)
    else:
        proba = np.asarray(pipe.predict_proba(X), dtype="float64")
        want = raw_from_proba(space, proba, k)
        if space == "log_odds":
            np.testing.assert_allclose(expit(raw), expit(want), atol=1e-5)
        else:
            np.testing.assert_allclose(raw, want, atol=1e-6)


def test_a_calibrated_model_is_explained_by_the_mean_of_its_fold_models() -> None:
    X = frame(600)
    y = target(X, 2)
    pipe = calibration.calibrated(make_pipeline("lightgbm", "Classification", FEATURES, 2, 1), "sigmoid", 1).fit(X, y)
    contrib, base, _ = contributions(pipe, X, 2)
    folds = pipe.named_steps["model"].calibrated_classifiers_
    assert len(folds) == calibration.FOLDS
    Xt = pipe.named_steps["preprocess"].transform(X)
    mean_raw = np.mean([f.estimator.predict(Xt, raw_score=True) for f in folds], axis=0)
    np.testing.assert_allclose(contrib.sum(axis=1)[:, 0] + base[:, 0], mean_raw, atol=1e-9)
    np.testing.assert_allclose(pipe.predict_proba(X).sum(axis=1), 1.0, atol=1e-12)
