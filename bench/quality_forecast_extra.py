"""Candidates studied for forecast `auto` and not adopted (docs/benchmarks.md, "Forecast choice on real series"):
- `bagged_arima`: AutoARIMA bagged over the same bootstrapped copies as BaggedETS, its orders fixed. AutoARIMA picks
  the orders on the series; the same orders (and its mean or drift term) are fitted to 9 copies of it
  (`forecast_models.bootstrapped`), and the forecast is the mean of the ten. Re-running the order search on every
  copy, as BaggedETS does with AutoETS, would cost about ten AutoARIMA fits per window; fixing the orders keeps the
  parameters' uncertainty, not the model's.
- `stl_ets` / `stl_arima`: STL decomposition, the seasonally adjusted series forecast by a non-seasonal AutoETS /
  AutoARIMA and the season carried on (statsforecast's MSTL; R's forecast::stlf).

It adds one candidate's backtests (the same windows) to a pickle `quality_forecast_study.py collect` wrote, so the
rules can be replayed with it (`quality_forecast_study.py rules <pickle>` prints the rule with it added and in place
of AutoARIMA):
    cd ml && ../.tools/uv/bin/uv run --frozen --group bench python ../bench/quality_forecast_extra.py \
        bagged_arima real /tmp/real.pkl /tmp/real_bagged_arima.pkl
(`heldout` with STUDY_PART=i/2 for the held-out halves, `generated` for the bench's draws 1000-1001).
"""

from __future__ import annotations

import os
import pickle
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality_forecast import shapes  # noqa: E402
from real_series import heldout_series, real_series  # noqa: E402

from dataml_jobs.training import forecast  # noqa: E402
from dataml_jobs.training.forecast_backtest import Backtest  # noqa: E402
from dataml_jobs.training.forecast_models import BaggedETS, StatCandidate, bootstrapped, future_dates  # noqa: E402

STUDIED = ("bagged_arima", "stl_ets", "stl_arima")


class StlCandidate(StatCandidate):
    """STL, then a non-seasonal AutoETS (`stl_ets`) or AutoARIMA (`stl_arima`) on the adjusted series; that model
    alone without season. The backtests leave every fit at least two seasons and four points (forecast.windows_for),
    which STL needs."""

    def _model(self):
        from statsforecast.models import MSTL, AutoARIMA, AutoETS

        trend = AutoETS(model="ZZN") if self.name == "stl_ets" else AutoARIMA()
        return MSTL(season_length=self.season, trend_forecaster=trend) if self.season > 1 else trend


@dataclass
class FixedOrderBaggedArima(BaggedETS):
    """BaggedETS's copies and seed, AutoARIMA's orders fixed on them."""

    name: str = "bagged_arima"

    def forecast(self, history: pd.DataFrame, h: int, future: pd.DataFrame | None) -> pd.DataFrame:
        from statsforecast.models import ARIMA, AutoARIMA

        rng = np.random.default_rng(self.seed)
        out = []
        for uid, g in history.groupby("unique_id", sort=True):
            y = g["y"].to_numpy(dtype="float64")
            auto = AutoARIMA(season_length=self.season).fit(y)
            p, q, P, Q, m, d, D = auto.model_["arma"]
            coef = auto.model_["coef"]
            paths = [auto.predict(h)["mean"]]
            for copy in bootstrapped(y, self.season, self.copies, rng)[1:]:
                try:
                    fitted = ARIMA(
                        order=(p, d, q),
                        season_length=m,
                        seasonal_order=(P, D, Q),
                        include_mean="intercept" in coef,
                        include_drift="drift" in coef,
                    ).fit(copy)
                except Exception:  # noqa: BLE001 - a copy the fixed orders cannot fit is left out
                    continue
                path = fitted.predict(h)["mean"]
                if np.all(np.isfinite(path)):
                    paths.append(path)
            out.append(future_dates(g, h, self.freq).assign(unique_id=str(uid), yhat=np.mean(paths, axis=0)))
        return pd.concat(out, ignore_index=True)


def make(key: str, season: int, freq: str):
    if key == "bagged_arima":
        return FixedOrderBaggedArima(season, freq, seed=1)
    return StlCandidate(key, season, freq)


def add(key: str, kind: str, source: str, target: str) -> None:
    if key not in STUDIED:
        raise SystemExit(f"candidate: one of {', '.join(STUDIED)}")
    warnings.filterwarnings("ignore")
    forecast.MAX_WINDOWS = 6
    with open(source, "rb") as f:
        rows = pickle.load(f)
    by_name = {r["series"]: r for r in rows}
    part, parts = (int(x) for x in os.environ.get("STUDY_PART", "0/1").split("/"))
    if kind == "generated":
        series = [(s, seed) for seed in (1000, 1001) for s in shapes(np.random.default_rng(seed))]
    else:
        series = [(s, 0) for s in (real_series() if kind == "real" else heldout_series())[part::parts]]
    for (name, freq, _season, h, y), seed in series:
        row = by_name.get(f"{name}_{seed}")
        if row is None:
            continue
        ds = pd.date_range("2010-01-01", periods=len(y), freq=freq)
        train = pd.DataFrame({"unique_id": "s", "ds": ds, "y": y}).iloc[:-h].reset_index(drop=True)
        windows, m = forecast.windows_for(len(train), h, forecast.season_for(freq, len(train)))
        if windows != row["windows"]:
            raise SystemExit(f"{name}: {windows} windows, the pickle has {row['windows']}")
        t0 = time.monotonic()
        row["errs"][key] = Backtest(train, h, windows, m).run(key, lambda m=m, f=freq: make(key, m, f))
        row["fcs"][key] = make(key, m, freq).forecast(train, h, None)["yhat"].to_numpy()
        row["secs"][key] = (time.monotonic() - t0, 0.0)
        print(name, seed, round(time.monotonic() - t0, 1), flush=True)
    with open(target, "wb") as f:
        pickle.dump([r for r in rows if key in r["errs"]], f)


if __name__ == "__main__":
    add(*sys.argv[1:5])
