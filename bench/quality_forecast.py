"""`npm run bench -- quality`, forecast part (run by bench/quality-forecast.ts with the ml venv): the platform's
forecast `auto` against statsforecast AutoETS and AutoARIMA fitted by hand, on the same series, in the same run.

Each generated series (monthly or quarterly; trend, seasonality, intermittent demand, level shifts, random walk,
damped trend, AR noise; low to high noise; `SEEDS` draws of each shape) is cut before its last `h` points. The
platform arm is `train_forecast` with `auto` (the function the train job calls: backtests, choice, conformal
intervals, refit on all rows) on the cut series, then its stored model's forecast of the `h` points; the baselines
are AutoETS and AutoARIMA (season length of the data) on the same cut series. Every arm is scored on the same
held-out points: MASE scaled by the cut series' in-sample seasonal-naive MAE; the platform's and AutoETS's 80 %
and 95 % intervals are counted point by point. Then the same for real public series (bench/real_series.py: R's
classic monthly and quarterly series, the last 12 / 8 points held out; `BENCH_FORECAST_REAL=0` leaves them out),
reported as their own group. Prints one JSON line: a list of rows, one per series.
Usage: quality_forecast.py <draws per shape>
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))

from dataml_jobs.training.forecast import train_forecast  # noqa: E402
from dataml_jobs.training.forecast_backtest import naive_scale  # noqa: E402
from dataml_jobs.training.model import TrainSpec  # noqa: E402

TEMPLATE = [
    {"column_name": "sid", "data_type": "String"},
    {"column_name": "t", "data_type": "Date"},
    {"column_name": "y", "data_type": "Float"},
]
COLUMNS = [
    {"column_name": "sid", "data_type": "String", "attribute_name": "Id"},
    {"column_name": "t", "data_type": "Date", "attribute_name": "Time"},
    {"column_name": "y", "data_type": "Float", "attribute_name": "Target"},
]


def shapes(rng: np.random.Generator) -> list[tuple[str, str, int, int, np.ndarray]]:
    """(name, pandas frequency, season length, horizon, values) of one draw of every shape."""
    n = 132
    t = np.arange(n)
    year = np.sin(2 * np.pi * t / 12)
    out = []
    out.append(("trend_season", "MS", 12, 12, 200 + 1.5 * t + 30 * year * (1 + t / n) + rng.normal(0, 6, n)))
    out.append(("season_noisy", "MS", 12, 12, 500 + 60 * year + 25 * np.cos(4 * np.pi * t / 12) + rng.normal(0, 40, n)))
    out.append(("random_walk", "MS", 12, 12, 1000 + np.cumsum(rng.normal(0.5, 12, n))))
    shift = np.where(t >= rng.integers(60, 100), rng.choice([-80.0, 80.0]), 0.0)
    out.append(("level_shift", "MS", 12, 12, 400 + shift + 20 * year + rng.normal(0, 10, n)))
    demand = rng.poisson(3.0, n) * (rng.random(n) < 0.35)
    out.append(("intermittent", "MS", 12, 12, demand.astype(float)))
    damped = 300 + np.cumsum(4 * 0.97**t) * 10 + 15 * year + rng.normal(0, 5, n)
    out.append(("damped_trend", "MS", 12, 12, damped))
    ar = np.zeros(n)
    for i in range(1, n):
        ar[i] = 0.7 * ar[i - 1] + rng.normal(0, 5)
    out.append(("ar_noise", "MS", 12, 12, 150 + ar))
    q = np.arange(64)
    out.append(("quarterly", "QS", 4, 8, 80 + 0.8 * q + 12 * np.sin(2 * np.pi * q / 4) + rng.normal(0, 3, 64)))
    return out


def statsforecast_arms(train: pd.DataFrame, freq: str, season: int, h: int) -> pd.DataFrame:
    from statsforecast import StatsForecast
    from statsforecast.models import AutoARIMA, AutoETS

    sf = StatsForecast(models=[AutoETS(season_length=season), AutoARIMA(season_length=season)], freq=freq, n_jobs=1)
    fc = sf.forecast(h=h, df=train, level=[80, 95])
    return fc.reset_index() if "unique_id" not in fc.columns else fc


def sources(draws: int) -> list[tuple[str, str, str, str, int, int, np.ndarray]]:
    """(group, series id, shape, frequency, season, horizon, values): `draws` draws of the generated shapes, then
    the real public series (bench/real_series.py) unless BENCH_FORECAST_REAL=0."""
    out = []
    for draw in range(draws):
        rng = np.random.default_rng(1000 + draw)
        out += [("generated", f"{n}_{draw}", n, f, m, h, y) for n, f, m, h, y in shapes(rng)]
    if os.environ.get("BENCH_FORECAST_REAL", "1") != "0":
        from real_series import real_series

        out += [("real", n, n, f, m, h, y) for n, f, m, h, y in real_series()]
    return out


def main(draws: int) -> list[dict]:
    rows = []
    for group, sid, name, freq, season, h, y in sources(draws):
        ds = pd.date_range("2010-01-01", periods=len(y), freq=freq)
        full = pd.DataFrame({"unique_id": sid, "ds": ds, "y": y})
        train, test = full.iloc[:-h], full.iloc[-h:]
        scale = naive_scale(train["y"].to_numpy(), season)
        actual = test["y"].to_numpy()

        def mase(yhat, actual=actual, scale=scale) -> float:
            return float(np.mean(np.abs(actual - np.asarray(yhat, dtype="float64"))) / scale)

        def cover(lo, hi, actual=actual) -> list[bool]:
            return [bool(a <= v <= b) for v, a, b in zip(actual, np.asarray(lo), np.asarray(hi), strict=True)]

        t0 = time.monotonic()
        frame = train.rename(columns={"unique_id": "sid", "ds": "t"})
        # A budget no run reaches: every candidate is tried, however busy the machine (a skipped one would
        # make the figures depend on the load).
        spec = TrainSpec("Forecast", "auto", COLUMNS, TEMPLATE, seed=1, time_budget=3600, forecast={"horizon": h})
        out = train_forecast(frame, spec)
        fc = out["model"].predict(h)
        platform_seconds = time.monotonic() - t0

        t0 = time.monotonic()
        sf = statsforecast_arms(train, freq, season, h)
        sf_seconds = time.monotonic() - t0
        rows.append(
            {
                "group": group,
                "series": sid,
                "shape": name,
                "points": h,
                "platform_algorithm": out["algorithm"],
                "platform": mase(fc["yhat"]),
                "ets": mase(sf["AutoETS"]),
                "arima": mase(sf["AutoARIMA"]),
                "platform_in_80": cover(fc["lo-80"], fc["hi-80"]),
                "platform_in_95": cover(fc["lo-95"], fc["hi-95"]),
                "ets_in_95": cover(sf["AutoETS-lo-95"], sf["AutoETS-hi-95"]),
                "arima_in_95": cover(sf["AutoARIMA-lo-95"], sf["AutoARIMA-hi-95"]),
                "backtest_windows": out["config"]["backtest_windows"],
                "platform_seconds": round(platform_seconds, 2),
                "statsforecast_seconds": round(sf_seconds, 2),
            }
        )
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    return rows


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)))
