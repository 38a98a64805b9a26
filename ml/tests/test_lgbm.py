"""LightGBM with thresholds its float32 ONNX copy reproduces (training/lgbm.py, preprocess.Float32Imputer)."""

from __future__ import annotations

import lightgbm
import numpy as np
import pandas as pd
import pytest

from dataml_jobs.training import lgbm
from dataml_jobs.training.onnx_export import export_onnx
from dataml_jobs.training.preprocess import Feature, to_model_frame
from dataml_jobs.training.tabular import make_pipeline

FEATURES = [Feature("lat", "Float"), Feature("lon", "Float"), Feature("area", "Float")]


def coordinates(n: int, seed: int) -> pd.DataFrame:
    """Latitudes and longitudes to 8 decimals over a small town: more digits than float32 holds."""
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(
        {
            "lat": np.round(42.0 + rng.random(n) * 0.05, 8),
            "lon": np.round(-93.6 + rng.random(n) * 0.05, 8),
            "area": rng.integers(2000, 20000, n).astype(float),
        }
    )
    return to_model_frame(df, FEATURES)


def price(X: pd.DataFrame, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    signal = 1e5 + 2e6 * np.sin(X.lat * 300) + 1e6 * np.cos(X.lon * 200) + 20 * X.area
    return (signal + rng.normal(0, 1e4, len(X))).to_numpy()


def test_floor32_is_the_largest_float32_not_above() -> None:
    for t in [42.054035125, -93.61975412, 1.0000000180025095e-35, 0.5, -0.0, 3.0]:
        f = lgbm.floor32(t)
        assert f <= t and float(np.float32(f)) == f
        assert float(np.nextafter(np.float32(f), np.float32(np.inf))) > t


def test_snapped_thresholds_change_no_prediction_on_float32_inputs() -> None:
    X = coordinates(3000, 0)
    y = price(X, 0)
    Xm = X.to_numpy(dtype=np.float32).astype(np.float64)
    theirs = lightgbm.LGBMRegressor(n_estimators=200, num_leaves=63, verbose=-1, random_state=0).fit(Xm, y)
    ours = lgbm.LGBMRegressor(n_estimators=200, num_leaves=63, verbose=-1, random_state=0).fit(Xm, y)
    probe = coordinates(2000, 1).to_numpy(dtype=np.float32).astype(np.float64)
    np.testing.assert_array_equal(ours.predict(probe), theirs.predict(probe))
    assert type(ours).__name__ == "LGBMRegressor"
    text = ours.booster_.model_to_string()
    thresholds = [float(v) for line in text.split("\n") if line.startswith("threshold=") for v in line[10:].split()]
    assert thresholds and all(float(np.float32(t)) == t for t in thresholds)


@pytest.mark.parametrize("problem", ["Regression", "Classification"])
def test_lightgbm_on_high_precision_numbers_keeps_an_exact_onnx_copy(problem: str) -> None:
    X = coordinates(3000, 0)
    y = price(X, 0)
    if problem == "Classification":
        y = (y > np.median(y)).astype(int)
    params = {"n_estimators": 300, "num_leaves": 63, "min_child_samples": 2}
    pipe = make_pipeline("lightgbm", problem, FEATURES, 2, 0, params).fit(X, y)
    assert isinstance(pipe.named_steps["model"], (lgbm.LGBMRegressor, lgbm.LGBMClassifier))
    blob, info = export_onnx(pipe, FEATURES, problem, X)
    assert blob is not None, info
    scale = 1.0 if problem == "Classification" else float(np.abs(y).max())
    assert info["max_abs_diff"] <= 1e-5 * scale, info


def test_flaml_lightgbm_becomes_ours_with_the_same_parameters() -> None:
    theirs = lightgbm.LGBMClassifier(n_estimators=17, num_leaves=5, learning_rate=0.07)
    mine = lgbm.ours(theirs)
    assert isinstance(mine, lgbm.LGBMClassifier)
    assert mine.get_params() == theirs.get_params()
    other = object()
    assert lgbm.ours(other) is other
