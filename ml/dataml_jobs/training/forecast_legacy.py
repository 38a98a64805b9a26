"""Forecast models of artifacts trained before the backtested candidates (forecast_models.py): kept so that those
artifacts still unpickle and serve (`ForecastModel.predict` calls their own `forecast`, intervals included)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

LEVELS = [80, 95]


# --- gradient boosting on lag features -------------------------------------------------------------------


@dataclass
class LagBoost:
    algorithm: str
    lags: list[int]
    exog: list[str]
    seed: int
    model: Any = None
    resid_q: dict[int, float] = field(default_factory=dict)

    def _rows(self, hist: np.ndarray, ds: pd.Timestamp, exog_row: dict[str, float]) -> list[float]:
        feats = [hist[-lag] if len(hist) >= lag else np.nan for lag in self.lags]
        feats += [float(ds.day_of_week), float(ds.month), float(ds.day)]
        feats += [float(exog_row.get(c, np.nan)) for c in self.exog]
        return feats

    def fit(self, df: pd.DataFrame) -> LagBoost:
        X, y = [], []
        for _, g in df.groupby("unique_id", sort=True):
            vals = g["y"].to_numpy(dtype="float64")
            for i in range(1, len(g)):
                row = g.iloc[i]
                X.append(self._rows(vals[:i], row["ds"], {c: row[c] for c in self.exog}))
                y.append(vals[i])
        X, y = np.asarray(X, dtype="float64"), np.asarray(y)
        if self.algorithm == "xgboost":
            import xgboost as xgb

            self.model = xgb.XGBRegressor(
                n_estimators=300, learning_rate=0.05, max_depth=5, n_jobs=1, random_state=self.seed
            )
        else:
            import lightgbm as lgb

            self.model = lgb.LGBMRegressor(
                n_estimators=300,
                learning_rate=0.05,
                num_leaves=15,
                min_child_samples=5,
                n_jobs=1,
                random_state=self.seed,
                verbose=-1,
                deterministic=True,
                force_row_wise=True,
            )
        self.model.fit(X, y)
        resid = np.abs(y - self.model.predict(X))
        self.resid_q = {lv: float(np.quantile(resid, lv / 100)) for lv in LEVELS}
        return self

    def forecast(self, history: pd.DataFrame, h: int, freq: str, future: pd.DataFrame | None) -> pd.DataFrame:
        out = []
        for uid, g in history.groupby("unique_id", sort=True):
            vals = list(g["y"].to_numpy(dtype="float64"))
            ds = pd.date_range(g["ds"].iloc[-1], periods=h + 1, freq=freq)[1:]
            fut = future[future.unique_id == uid].set_index("ds") if future is not None and self.exog else None
            for step, d in enumerate(ds, start=1):
                ex = {c: (fut.loc[d, c] if fut is not None and d in fut.index else np.nan) for c in self.exog}
                yhat = float(self.model.predict(np.asarray([self._rows(np.asarray(vals), d, ex)]))[0])
                vals.append(yhat)
                row = {"unique_id": uid, "ds": d, "yhat": yhat}
                for lv in LEVELS:  # widen with the horizon: errors compound when forecasting recursively
                    w = self.resid_q[lv] * np.sqrt(step)
                    row[f"lo-{lv}"], row[f"hi-{lv}"] = yhat - w, yhat + w
                out.append(row)
        return pd.DataFrame(out)


# --- statsforecast models -------------------------------------------------------------------------------


@dataclass
class StatModel:
    algorithm: str  # ets | arima | seasonal_naive
    season: int
    exog: list[str]
    freq: str
    history: pd.DataFrame | None = None

    def _model(self):
        from statsforecast.models import AutoARIMA, AutoETS, SeasonalNaive

        if self.algorithm == "ets":
            return AutoETS(season_length=self.season)
        if self.algorithm == "arima":
            return AutoARIMA(season_length=self.season)
        return SeasonalNaive(season_length=self.season)

    def fit(self, df: pd.DataFrame) -> StatModel:
        self.history = df.copy()
        return self

    def forecast(self, history: pd.DataFrame, h: int, freq: str, future: pd.DataFrame | None) -> pd.DataFrame:
        from statsforecast import StatsForecast

        use_exog = self.algorithm == "arima" and self.exog and future is not None
        cols = ["unique_id", "ds", "y"] + (self.exog if use_exog else [])
        sf = StatsForecast(models=[self._model()], freq=freq, n_jobs=1)
        fc = sf.forecast(
            h=h, df=history[cols], X_df=future[["unique_id", "ds"] + self.exog] if use_exog else None, level=LEVELS
        )
        fc = fc.reset_index() if "unique_id" not in fc.columns else fc
        name = next(c for c in fc.columns if c not in ("unique_id", "ds") and "-lo-" not in c and "-hi-" not in c)
        out = fc.rename(
            columns={
                name: "yhat",
                **{f"{name}-lo-{lv}": f"lo-{lv}" for lv in LEVELS},
                **{f"{name}-hi-{lv}": f"hi-{lv}" for lv in LEVELS},
            }
        )
        return out[["unique_id", "ds", "yhat"] + [f"{s}-{lv}" for lv in LEVELS for s in ("lo", "hi")]]
