"""Rolling-origin backtests and conformal intervals (dataml_jobs/training/forecast_backtest.py, forecast.py)."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from dataml_jobs.training import forecast
from dataml_jobs.training.forecast import infer_freq, season_for, train_forecast, windows_for
from dataml_jobs.training.forecast_backtest import Backtest, OverBudget, conformal_quantile, interval_quantile
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


def test_conformal_quantile_is_the_finite_sample_rank_and_the_largest_score_when_too_few():
    scores = np.arange(1, 20, dtype=float)  # 19 scores: the 95 % quantile is the ceil(20 * 0.95) = 19th
    assert conformal_quantile(scores, 95) == 19.0
    assert conformal_quantile(scores, 80) == 16.0
    assert conformal_quantile(np.array([3.0, 1.0]), 95) == 3.0


def test_windows_shrink_for_short_series_and_the_result_says_so():
    assert windows_for(120, 12, 12) == (6, 12)  # up to 6 windows on long series
    assert windows_for(76, 12, 12) == (4, 12)
    assert windows_for(40, 6, 12) == (2, 12)  # keeps the season: two windows leave each fit 28 points
    assert windows_for(30, 6, 12) == (3, 1)  # too short for a yearly season after the windows
    rng = np.random.default_rng(1)
    dates = pd.date_range("2020-01-01", periods=26, freq="MS")
    df = pd.DataFrame({"sid": "a", "month": dates, "y": 50 + np.cumsum(rng.normal(0, 1, len(dates)))})
    out = train_forecast(df, TrainSpec("Forecast", "ets", COLUMNS, TEMPLATE, forecast={"horizon": 6}))
    assert out["config"]["backtest_windows"] == 2
    assert "2 backtest window(s)" in out["metrics"]["note"]
    assert [r["windows"] for r in out["leaderboard"]] == [2]


def test_the_season_comes_from_the_inferred_frequency_anchors_included():
    # pandas names quarters and weeks with an anchor ("QS-OCT", "W-SUN"): the season is the unit's.
    for freq, periods, season in (("QS", 40, 4), ("QE", 40, 4), ("MS", 60, 12), ("W", 120, 52), ("D", 60, 7)):
        stamps = pd.Series(pd.date_range("2010-01-01", periods=periods, freq=freq))
        assert season_for(infer_freq(stamps), periods) == season, freq
    assert season_for("2MS", 60) == 12 and season_for("QS-OCT", 9) == 1  # too short for two seasons


def test_a_short_seasonal_series_keeps_its_season_with_fewer_windows():
    # Five years of a monthly series with a strong season, a year ahead (as R's USAccDeaths cut before its last
    # year): three windows would leave 24 points, too few for a yearly season; two windows leave 36.
    rng = np.random.default_rng(3)
    dates = pd.date_range("2015-01-01", periods=60, freq="MS")
    y = 100 + 30 * np.sin(np.arange(60) * np.pi / 6) + rng.normal(0, 3, 60)
    df = pd.DataFrame({"sid": "a", "month": dates, "y": y})
    out = train_forecast(df, TrainSpec("Forecast", "ets", COLUMNS, TEMPLATE, forecast={"horizon": 12}))
    assert out["config"]["season_length"] == 12 and out["config"]["backtest_windows"] == 2
    # MASE is scaled by the seasonal-naive error: about 1 when the season is forecast, several times it when not.
    assert out["metrics"]["mase"] < 1.5


def test_the_80_interval_uses_the_85_quantile_of_the_scores_and_the_95_its_own():
    scores = np.arange(1.0, 21.0)  # 20 scores: the conformal 85 % quantile is the ceil(21 * 0.85) = 18th
    assert interval_quantile(scores, 80) == 18.0 > conformal_quantile(scores, 80) == 17.0
    assert interval_quantile(scores, 95) == conformal_quantile(scores, 95) == 20.0


def test_intervals_widen_with_the_step_and_the_quantiles_come_from_the_backtest():
    rng = np.random.default_rng(2)
    dates = pd.date_range("2018-01-01", periods=72, freq="MS")
    rows = [
        pd.DataFrame(
            {"sid": s, "month": dates, "y": 100 + 10 * np.sin(np.arange(72) * np.pi / 6) + rng.normal(0, 2, 72)}
        )
        for s in ("a", "b", "c")
    ]
    out = train_forecast(pd.concat(rows), TrainSpec("Forecast", "ets", COLUMNS, TEMPLATE, forecast={"horizon": 6}))
    fc = out["model"].predict()
    a = fc[fc.unique_id == "a"]
    width = (a["hi-95"] - a["lo-95"]).to_numpy()
    assert np.all(np.diff(width) > 0) and np.all(a["hi-80"] < a["hi-95"])
    assert 0.5 <= out["metrics"]["coverage_95"] <= 1.0
    assert out["model"].quantiles[95] > out["model"].quantiles[80] > 0
    assert out["config"]["backtest_windows"] == 6 and out["config"]["season_length"] == 12
    with pytest.raises(KeyError):
        out["metrics"]["note"]


class SlowLast:
    """A candidate forecasting the last value, whose fit takes `seconds`; counts its fits."""

    fits = 0
    name = "arima"
    uses = "none"

    def __init__(self, seconds: float):
        self.seconds = seconds

    def fit(self, hist):
        SlowLast.fits += 1
        time.sleep(self.seconds)
        return self

    def forecast(self, hist, h, future):
        last = hist.groupby("unique_id").tail(1)
        return pd.concat(
            [last.assign(ds=last["ds"] + pd.DateOffset(months=k), yhat=last["y"]) for k in range(1, h + 1)]
        )[["unique_id", "ds", "yhat"]]


def test_a_backtest_stops_after_the_window_that_projects_it_past_its_deadline():
    dates = pd.date_range("2015-01-01", periods=60, freq="MS")
    data = pd.DataFrame({"unique_id": "a", "ds": dates, "y": np.arange(60.0)})
    SlowLast.fits = 0
    with pytest.raises(OverBudget):  # one window takes 0.2 s: four more (three windows and the final fit) do not fit
        Backtest(data, 6, 4, 12).run("slow", lambda: SlowLast(0.2), time.monotonic() + 0.5)
    assert SlowLast.fits == 1
    SlowLast.fits = 0
    bt = Backtest(data, 6, 4, 12)
    assert bt.run("slow", lambda: SlowLast(0.01), time.monotonic() + 60).frame["window"].nunique() == 4
    assert SlowLast.fits == 4


def test_auto_skips_a_candidate_whose_backtest_would_overrun_the_budget(monkeypatch):
    # AutoARIMA made slow (as on a long hourly series) and tried right after the seasonal naive forecast: `auto`
    # drops it after one window of six, then goes on with the next candidate.
    made = forecast.candidate

    def slow_arima(name, *args):
        return SlowLast(2.0) if name == "arima" else made(name, *args)

    monkeypatch.setattr(forecast, "candidate", slow_arima)
    monkeypatch.setattr(forecast, "AUTO", ["seasonal_naive", "arima", "theta"])
    SlowLast.fits = 0
    rng = np.random.default_rng(5)
    dates = pd.date_range("2012-01-01", periods=96, freq="MS")
    df = pd.DataFrame({"sid": "a", "month": dates, "y": 100 + np.cumsum(rng.normal(0, 1, 96))})
    out = train_forecast(df, TrainSpec("Forecast", "auto", COLUMNS, TEMPLATE, time_budget=5, forecast={"horizon": 6}))
    skipped = {r["algorithm"]: r["skipped"] for r in out["leaderboard"] if r.get("skipped")}
    assert skipped == {"arima": "its backtest would end past the time budget"} and SlowLast.fits == 1
    assert "arima" not in out["algorithm"] and out["config"]["backtest_windows"] == 6
