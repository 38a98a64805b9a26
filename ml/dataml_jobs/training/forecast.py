"""Forecasting per series (`unique_id` from the Id role, one series when there is none) at the data's own frequency.

Models: statsforecast AutoETS and AutoARIMA (ARIMA takes the exogenous columns), and gradient boosting
(LightGBM / XGBoost) on lag features, forecasting recursively. Evaluation is time-ordered: the last `h` points of
every series are held out (test); `auto` compares the candidates on the `h` points before those (validation).
Metrics: MASE (scaled by the in-sample seasonal-naive error) and sMAPE (0..2), both also for the seasonal-naive
baseline. The stored model is refit on all rows; prediction intervals are 80 % and 95 %.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..common.runner import JobError
from .artifacts import run_metadata, save_model
from .dataset import read_dataset
from .model import TrainSpec, library_versions

LEVELS = [80, 95]
Z = {80: 1.2816, 95: 1.96}
SEASON = {"D": 7, "B": 5, "W": 52, "M": 12, "MS": 12, "ME": 12, "Q": 4, "QS": 4, "QE": 4, "h": 24, "H": 24, "min": 60}


def infer_freq(ds: pd.Series) -> str:
    stamps = pd.DatetimeIndex(sorted(ds.unique()))
    if len(stamps) < 3:
        raise JobError("a series needs at least 3 time points to infer its frequency")
    try:
        with pd.option_context("future.infer_freq_returns_offset", True):
            freq = pd.infer_freq(stamps[: min(len(stamps), 200)])
    except (KeyError, pd.errors.OptionError):  # older pandas: a string
        freq = pd.infer_freq(stamps[: min(len(stamps), 200)])
    if freq:
        return freq if isinstance(freq, str) else freq.freqstr
    step = pd.Series(stamps).diff().dropna().mode().iloc[0]
    return pd.tseries.frequencies.to_offset(step).freqstr


def season_for(freq: str, shortest: int) -> int:
    base = "".join(ch for ch in freq if ch.isalpha()).split("-")[0]
    m = SEASON.get(base, 1)
    return m if shortest >= 2 * m + 2 else 1


def mase(y: np.ndarray, yhat: np.ndarray, history: np.ndarray, m: int) -> float:
    if len(history) <= m:
        m = 1
    scale = np.mean(np.abs(history[m:] - history[:-m])) if len(history) > m else np.nan
    if not np.isfinite(scale) or scale == 0:
        scale = np.mean(np.abs(history - history.mean())) or 1.0
    return float(np.mean(np.abs(y - yhat)) / scale)


def smape(y: np.ndarray, yhat: np.ndarray) -> float:
    den = np.abs(y) + np.abs(yhat)
    ok = den > 0
    return float(np.mean(np.where(ok, 2 * np.abs(y - yhat) / np.where(ok, den, 1), 0.0)))


def score(test: pd.DataFrame, pred: pd.DataFrame, train: pd.DataFrame, m: int) -> dict[str, float]:
    """Mean over series of MASE and sMAPE."""
    merged = test.merge(pred, on=["unique_id", "ds"], how="left")
    mases, smapes = [], []
    for uid, g in merged.groupby("unique_id"):
        hist = train.loc[train.unique_id == uid, "y"].to_numpy(dtype="float64")
        y, yhat = g["y"].to_numpy(dtype="float64"), g["yhat"].to_numpy(dtype="float64")
        mases.append(mase(y, yhat, hist, m))
        smapes.append(smape(y, yhat))
    return {"mase": float(np.mean(mases)), "smape": float(np.mean(smapes))}


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


def make(algorithm: str, season: int, exog: list[str], freq: str, seed: int):
    if algorithm in ("lightgbm", "xgboost"):
        lags = sorted({1, 2, 3, season, 2 * season} - {0}) if season > 1 else [1, 2, 3, 4, 5, 6]
        return LagBoost(algorithm, lags, exog, seed)
    return StatModel(algorithm, season, exog, freq)


@dataclass
class ForecastModel:
    """What a forecast artifact holds: the refit model, its frequency, and each series' history."""

    model: Any
    freq: str
    horizon: int
    exog: list[str]
    history: pd.DataFrame

    def predict(self, h: int | None = None, future: pd.DataFrame | None = None) -> pd.DataFrame:
        return self.model.forecast(self.history, h or self.horizon, self.freq, future)


def split_tail(df: pd.DataFrame, h: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rank = df.groupby("unique_id").cumcount(ascending=False)
    return df[rank >= h].copy(), df[rank < h].copy()


def prepare(df: pd.DataFrame, spec: TrainSpec) -> tuple[pd.DataFrame, list[str]]:
    time_col = spec.role("Time")
    if len(time_col) != 1:
        raise JobError("Forecast needs exactly one column with the Time role")
    ids = spec.role("Id")
    target = spec.target
    exog = [f.name for f in spec.features() if f.kind == "numeric"]
    out = pd.DataFrame(
        {
            "unique_id": df[ids[0]].astype(str) if ids else "all",
            "ds": pd.to_datetime(df[time_col[0]], utc=True).dt.tz_localize(None),
            "y": pd.to_numeric(df[target], errors="coerce"),
        }
    )
    for c in exog:
        col = df[c]
        out[c] = col.astype("float64")
        out[c] = out[c].fillna(out[c].median())
    out = out.dropna(subset=["ds", "y"]).sort_values(["unique_id", "ds"]).reset_index(drop=True)
    dup = out.duplicated(["unique_id", "ds"])
    if dup.any():
        raise JobError(
            f"{int(dup.sum())} rows repeat a (series, time) pair; "
            "give each series one row per time point (set the Id role)"
        )
    return out, exog


def train_forecast(df: pd.DataFrame, spec: TrainSpec) -> dict[str, Any]:
    data, exog = prepare(df, spec)
    sizes = data.groupby("unique_id").size()
    freq = infer_freq(data.loc[data.unique_id == sizes.idxmax(), "ds"])
    shortest = int(sizes.min())
    h = int(spec.forecast.get("horizon") or max(1, min(30, shortest // 5)))
    if shortest < 3 * h + 3:
        raise JobError(f"the shortest series has {shortest} points; forecasting {h} ahead needs at least {3 * h + 3}")
    season = season_for(freq, shortest - 2 * h)
    train, test = split_tail(data, h)
    candidates = ["ets", "arima", "lightgbm"] if spec.algorithm == "auto" else [spec.algorithm]
    leaderboard: list[dict[str, Any]] = []
    chosen = candidates[0]
    if len(candidates) > 1:
        fit_part, valid = split_tail(train, h)
        best = None
        started = time.monotonic()
        for cand in candidates:
            if best is not None and time.monotonic() - started > spec.time_budget:
                leaderboard.append({"algorithm": cand, "skipped": "time budget exhausted"})
                continue
            t0 = time.monotonic()
            m = make(cand, season, exog, freq, spec.seed).fit(fit_part)
            s = score(valid, m.forecast(fit_part, h, freq, valid), fit_part, season)
            leaderboard.append(
                {
                    "algorithm": cand,
                    "validation_score": -s["mase"],
                    "validation_metric": "neg_mase",
                    "validation_headline": 1 - s["smape"] / 2,
                    "fit_seconds": round(time.monotonic() - t0, 3),
                }
            )
            if best is None or s["mase"] < best[0]:
                best = (s["mase"], cand)
        chosen = best[1]  # type: ignore[index]
        for row in leaderboard:
            row["selected"] = row["algorithm"] == chosen
    model = make(chosen, season, exog, freq, spec.seed).fit(train)
    pred = model.forecast(train, h, freq, test)
    metrics = score(test, pred, train, season)
    base = score(
        test,
        make("seasonal_naive", season, [], freq, spec.seed).fit(train).forecast(train, h, freq, None),
        train,
        season,
    )
    merged = test.merge(pred, on=["unique_id", "ds"])
    coverage = {
        f"coverage_{lv}": float(np.mean((merged.y >= merged[f"lo-{lv}"]) & (merged.y <= merged[f"hi-{lv}"])))
        for lv in LEVELS
    }
    metrics.update(coverage)
    metrics["headline"] = 1 - metrics["smape"] / 2
    metrics["headline_metric"] = "1 - smape/2"
    final = make(chosen, season, exog, freq, spec.seed).fit(data)
    return {
        "model": ForecastModel(final, freq, h, exog, data),
        "algorithm": chosen,
        "metrics": metrics,
        "baseline": {"model": "seasonal_naive", "season_length": season, **base},
        "leaderboard": leaderboard,
        "config": {
            "algorithm": chosen,
            "requested_algorithm": spec.algorithm,
            "frequency": freq,
            "season_length": season,
            "horizon": h,
            "levels": LEVELS,
            "exogenous": exog,
            "series": int(sizes.size),
            "time_budget_seconds": spec.time_budget,
        },
        "rows": {"train": len(train), "test": len(test)},
    }


@dataclass
class _Saved:
    algorithm: str
    metrics: dict[str, Any]
    baseline: dict[str, Any]
    leaderboard: list[dict[str, Any]]
    preprocess: dict[str, Any]
    features: list[Any]
    X_sample: Any = None


def train_forecast_job(job: dict[str, Any], spec: TrainSpec, settings: Any, started: float) -> dict[str, Any]:
    df, snapshot_id = read_dataset(settings, job, [c["column_name"] for c in spec.template])
    out = train_forecast(df, spec)
    cfg = out["config"]
    model_class = {
        "ets": "AutoETS",
        "arima": "AutoARIMA",
        "lightgbm": "LGBMRegressor (lag features)",
        "xgboost": "XGBRegressor (lag features)",
    }[out["algorithm"]]
    preprocess = {
        "kind": "forecast",
        "time": spec.role("Time")[0],
        "id": (spec.role("Id") or [None])[0],
        "target": spec.target,
        "frequency": cfg["frequency"],
        "season_length": cfg["season_length"],
        "exogenous": cfg["exogenous"],
        "features": [{"name": c, "kind": "exogenous", "impute": {"strategy": "median"}} for c in cfg["exogenous"]],
    }
    metadata = {
        "format": "dataml-model/1",
        "problem_type": "Forecast",
        "algorithm": out["algorithm"],
        "requested_algorithm": spec.algorithm,
        "model_class": model_class,
        "target": spec.target,
        "target_data_type": spec.data_type(spec.target),
        "class_labels": [],
        "features": [
            {"column_name": c, "data_type": spec.data_type(c), "kind": "exogenous", "default_value": None}
            for c in cfg["exogenous"]
        ],
        "seed": spec.seed,
        "config": {**cfg, "model_class": model_class},
        "rows": out["rows"],
        "library_versions": library_versions(("statsforecast",)),
        **run_metadata(job, snapshot_id),
    }
    saved = _Saved(out["algorithm"], out["metrics"], out["baseline"], out["leaderboard"], preprocess, [])
    return save_model(settings, job, out["model"], metadata, saved, started)
