"""Combination candidates (forecast_models.MeanCandidate, Backtest.combined, forecast.add_combinations): the
mean / median of several models, forecast point by point, backtested over the same windows as its parts, with
conformal intervals that cover."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

from dataml_jobs.training.forecast import ForecastModel, model_class_of, train_forecast
from dataml_jobs.training.forecast_backtest import Backtest
from dataml_jobs.training.forecast_choice import REACH
from dataml_jobs.training.forecast_models import MeanCandidate, candidate
from dataml_jobs.training.model import TrainSpec

TEMPLATE = [
    {"column_name": "sid", "data_type": "String"},
    {"column_name": "month", "data_type": "Date"},
    {"column_name": "y", "data_type": "Float"},
]
COLUMNS = [
    {"column_name": "sid", "data_type": "String", "attribute_name": "Id"},
    {"column_name": "month", "data_type": "Date", "attribute_name": "Time"},
    {"column_name": "y", "data_type": "Float", "attribute_name": "Target"},
]


def monthly(seed: int, n: int, sigma: float = 3.0) -> pd.DataFrame:
    """One seasonal monthly series with a trend and Gaussian noise of known size."""
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    y = 100 + 0.5 * t + 12 * np.sin(2 * np.pi * t / 12) + rng.normal(0, sigma, n)
    return pd.DataFrame({"unique_id": f"s{seed}", "ds": pd.date_range("2015-01-01", periods=n, freq="MS"), "y": y})


def test_the_median_and_the_mean_combine_their_parts_point_by_point():
    hist = monthly(1, 60)
    names = ["ets", "theta", "seasonal_naive"]
    parts = {n: candidate(n, 12, "MS", 6, [], False, 0).forecast(hist, 6, None)["yhat"].to_numpy() for n in names}
    stack = np.array([parts[n] for n in names])
    for how, expect in (("median", np.median(stack, axis=0)), ("mean", stack.mean(axis=0))):
        c = MeanCandidate([candidate(n, 12, "MS", 6, [], False, 0) for n in names], how)
        assert c.name == f"{how}(ets, theta, seasonal_naive)" and c.uses == "none"
        np.testing.assert_allclose(c.fit(hist).forecast(hist, 6, None)["yhat"].to_numpy(), expect)
    # The median is not the mean when one part is off: here seasonal naive misses the trend.
    assert not np.allclose(np.median(stack, axis=0), stack.mean(axis=0))


def test_the_backtest_of_a_combination_is_its_parts_backtests_combined():
    data = monthly(2, 72)
    bt = Backtest(data, 6, 3, 12)
    names = ["ets", "theta", "seasonal_naive"]
    parts = [bt.run(n, lambda n=n: candidate(n, 12, "MS", 6, [], False, 0)) for n in names]
    direct = bt.run("median", lambda: MeanCandidate([candidate(n, 12, "MS", 6, [], False, 0) for n in names], "median"))
    combined = Backtest.combined(parts, "median")
    np.testing.assert_allclose(combined.frame["yhat"], direct.frame["yhat"])
    assert combined.summary()["mase"] == direct.summary()["mase"]


def test_an_artifact_stored_before_medians_unpickles_as_a_mean():
    c = MeanCandidate([candidate("ets", 12, "MS", 6, [], False, 0), candidate("theta", 12, "MS", 6, [], False, 0)])
    del c.__dict__["how"]  # as pickled before the field existed
    back = pickle.loads(pickle.dumps(c))
    assert back.how == "mean" and back.name == "mean(ets, theta)"
    assert model_class_of("median(ets, arima, theta, ces)") == "median(AutoETS, AutoARIMA, AutoTheta, AutoCES)"
    assert model_class_of("mean(ets, lightgbm+diff)") == "mean(AutoETS, LGBMRegressor (lag features)+diff)"


def test_auto_forecasts_with_the_weighted_mean_of_the_three_best():
    # Trend and season with noise: the statistical models are all close to the best.
    frame = monthly(5, 60).rename(columns={"unique_id": "sid", "ds": "month"})
    spec = TrainSpec("Forecast", "auto", COLUMNS, TEMPLATE, seed=1, time_budget=3600, forecast={"horizon": 6})
    out = train_forecast(frame, spec)
    board = {r["algorithm"]: r for r in out["leaderboard"]}
    singles = sorted(
        (r for r in out["leaderboard"] if "weights" not in r), key=lambda r: (r["backtest_mase"], r["algorithm"])
    )
    expected = {"seasonal_naive", "ets", "theta", "ces", "lightgbm+diff", "arima", "bagged_ets"}
    assert {r["algorithm"] for r in singles} == expected
    # Without covariates the lag model runs on the differenced target only (trees cannot extrapolate levels).
    assert "lightgbm" not in board
    top = [r for r in singles[:3] if r["backtest_mase"] <= singles[0]["backtest_mase"] * REACH]
    assert len(top) >= 2, singles  # this series has several good models
    best = [r["algorithm"] for r in top]
    key = f"weighted({', '.join(best)})"
    chosen = board[key]
    assert out["algorithm"] == key and chosen["selected"] and sum(r["selected"] for r in board.values()) == 1
    inverse = [1 / r["backtest_mase"] for r in top]
    assert list(chosen["weights"]) == best
    assert list(chosen["weights"].values()) == pytest.approx([w / sum(inverse) for w in inverse])
    assert len(chosen["window_mase"]) == out["config"]["backtest_windows"]
    assert out["metrics"]["mase"] == pytest.approx(chosen["backtest_mase"], abs=1e-6)
    assert model_class_of(key).startswith("weighted(")
    # The stored model forecasts that weighted mean of its parts, refit on every row.
    model = out["model"].model
    assert isinstance(model, MeanCandidate) and model.how == "weighted"
    hist = out["model"].history
    parts = np.array([p.forecast(hist, 6, None)["yhat"].to_numpy() for p in model.parts])
    np.testing.assert_allclose(
        out["model"].predict(6)["yhat"].to_numpy(), np.average(parts, axis=0, weights=model.weights)
    )
    # A requested algorithm is that model alone.
    ets = train_forecast(frame, TrainSpec("Forecast", "ets", COLUMNS, TEMPLATE, seed=1, forecast={"horizon": 6}))
    assert ets["algorithm"] == "ets" and [r["algorithm"] for r in ets["leaderboard"]] == ["ets"]


def test_a_combinations_conformal_intervals_cover_held_out_points_near_their_share():
    # Six series with known noise; the last 12 months of each are held out, then forecast by the median of three
    # models with intervals from the median's own backtest errors.
    sigmas = (2.0, 3.0, 4.0, 5.0, 6.0, 8.0)
    full = pd.concat([monthly(10 + i, 72, sigma) for i, sigma in enumerate(sigmas)])
    train, held = full.groupby("unique_id").head(60), full.groupby("unique_id").tail(12)
    names = ["ets", "theta", "ces"]
    make = lambda: MeanCandidate([candidate(n, 12, "MS", 12, [], False, 0) for n in names], "median")  # noqa: E731
    bt = Backtest(train.reset_index(drop=True), 12, 3, 12)
    err = Backtest.combined([bt.run(n, lambda n=n: candidate(n, 12, "MS", 12, [], False, 0)) for n in names], "median")
    fm = ForecastModel(make().fit(train), "MS", 12, [], train.reset_index(drop=True), 12, err.quantiles())
    fc = fm.predict(12).merge(held, on=["unique_id", "ds"])
    assert len(fc) == 72
    for lv, lo, hi in ((80, 0.6, 0.97), (95, 0.82, 1.0)):
        inside = float(((fc[f"lo-{lv}"] <= fc["y"]) & (fc["y"] <= fc[f"hi-{lv}"])).mean())
        assert lo <= inside <= hi, (lv, inside)
