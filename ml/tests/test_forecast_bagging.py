"""Bagged AutoETS (dataml_jobs/training/forecast_models.py: BaggedETS, bootstrapped)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dataml_jobs.training.forecast import model_class_of
from dataml_jobs.training.forecast_models import BaggedETS, bootstrapped, candidate, label


def seasonal(n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    return 200 + 1.5 * t + 30 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 5, n)


def test_the_copies_keep_the_series_shape_and_resample_its_remainder():
    y = seasonal(96, 1)
    copies = bootstrapped(y, 12, 10, np.random.default_rng(0))
    assert len(copies) == 10 and all(len(c) == len(y) for c in copies)
    assert np.array_equal(copies[0], y)  # the series itself is one of them
    for c in copies[1:]:
        assert not np.allclose(c, y) and np.all(c > 0)
        # Trend and season stay: each copy follows the series within a few noise widths.
        assert np.mean(np.abs(c - y)) < 15 and abs(np.corrcoef(c, y)[0, 1]) > 0.95
    # Without a season (or too short for two), and with values at or below zero (no Box-Cox): the same contract.
    walk = np.cumsum(np.random.default_rng(2).normal(0, 1, 40)) - 5
    flat = bootstrapped(walk, 1, 5, np.random.default_rng(0))
    assert len(flat) == 5 and all(len(c) == 40 and np.all(np.isfinite(c)) for c in flat)
    assert all(np.all(np.isfinite(c)) for c in bootstrapped(np.full(30, 3.0), 12, 4, np.random.default_rng(0)))


def test_bagged_ets_forecasts_every_series_the_same_way_for_the_same_seed():
    dates = pd.date_range("2015-01-01", periods=96, freq="MS")
    history = pd.concat(
        [pd.DataFrame({"unique_id": s, "ds": dates, "y": seasonal(96, i)}) for i, s in enumerate(("a", "b"))]
    )
    model = candidate("bagged_ets", 12, "MS", 12, [], False, 7)
    assert isinstance(model, BaggedETS) and model.uses == "none" and label(model) == "bagged_ets"
    assert model_class_of("weighted(ets, bagged_ets, theta)") == "weighted(AutoETS, AutoETS (bagged), AutoTheta)"
    fc = model.fit(history).forecast(history, 12, None)
    assert list(fc.columns) == ["unique_id", "ds", "yhat"] and len(fc) == 24
    assert sorted(fc["unique_id"].unique()) == ["a", "b"]
    assert fc["ds"].min() == dates[-1] + pd.DateOffset(months=1)
    again = candidate("bagged_ets", 12, "MS", 12, [], False, 7).forecast(history, 12, None)
    pd.testing.assert_frame_equal(fc.reset_index(drop=True), again.reset_index(drop=True))
    # Near the series' own path: trend and season carried on.
    a = fc[fc.unique_id == "a"]["yhat"].to_numpy()
    expected = 200 + 1.5 * np.arange(96, 108) + 30 * np.sin(2 * np.pi * np.arange(96, 108) / 12)
    assert np.mean(np.abs(a - expected)) < 15
