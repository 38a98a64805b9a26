"""Forecasting per series (`unique_id` from the Id role, one series when there is none) at the data's own frequency.

Candidates (forecast_models.py): statsforecast AutoETS, AutoARIMA, AutoTheta, AutoCES, SeasonalNaive, AutoETS bagged
over bootstrapped series, and mlforecast gradient boosting on lags (LightGBM / XGBoost) (AUTO). Each is judged by
rolling-origin backtests over up to MAX_WINDOWS windows of `h` points at the end of every series
(forecast_backtest.py). `auto` forecasts with the mean of the three best by backtest MASE within 1.25x of the best,
weighted by its inverse (forecast_choice.py), itself backtested on the same windows (its parts' forecasts
combined); a requested algorithm is that model alone (a booster: the better of it on levels and on differences).
The reported MASE / sMAPE are the chosen forecast's backtest averages, and its 80 % / 95 % intervals are conformal
over its backtest errors.

Numeric feature columns are covariates: the `+future` candidates take their values at the forecast dates (known in
advance, given to 9.4 as `exogenous`); the others forecast without them, the lag model through each covariate's
value `h` steps back. When the chosen forecast needs future values, the same choice over the candidates that do not
is stored beside it and answers a request without them. The stored models are fit on all rows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..common.runner import JobError
from .artifacts import run_metadata, save_model
from .dataset import read_dataset
from .forecast_backtest import LEVELS, Backtest, Errors, OverBudget, horizon_growth, naive_scale
from .forecast_choice import combination, ranked
from .forecast_legacy import LagBoost, StatModel  # noqa: F401 - artifacts stored before forecast_models.py unpickle
from .forecast_models import BAGGED, BOOSTERS, STAT_MODELS, MeanCandidate, candidate, label
from .model import TrainSpec, library_versions

SEASON = {"D": 7, "B": 5, "W": 52, "M": 12, "MS": 12, "ME": 12, "Q": 4, "QS": 4, "QE": 4, "h": 24, "H": 24, "min": 60}
# Up to 6 windows where the series are long enough: on the study set (docs/benchmarks.md) the choice on 6 windows
# came closer to the best model in hindsight than on 4 (1.039 vs 1.060); short series get fewer (windows_for).
MAX_WINDOWS = 6
FUTURE = {*BOOSTERS, "arima"}  # the candidates that can take future covariate values
MIN_WINDOWS = 3  # fewer only when the series are too short, and the result says so
# Cheap first: when the time budget runs out the costly ones are skipped (in `auto` only). A `+future` variant (when
# there are covariates) comes right after its own candidate.
AUTO = ["seasonal_naive", "ets", "lightgbm", "theta", "ces", "lightgbm+diff", "arima", "bagged_ets"]
# Without covariates `auto` leaves out the booster on the levels of the target: trees cannot forecast beyond the
# levels they were fit on (a trend, a shifted level), which the differenced variant can; with covariates the levels
# variant stays, as the covariates may drive the level.
LEVEL_LAGS = {"lightgbm"}


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
    # "QS-OCT", "W-SUN", "2MS": the unit before any anchor, without a multiple.
    base = "".join(ch for ch in freq.split("-")[0] if ch.isalpha())
    m = SEASON.get(base, 1)
    return m if shortest >= 2 * m + 2 else 1


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


@dataclass
class ForecastModel:
    """What a forecast artifact holds: the candidate(s) fit on all rows, each series' history, the conformal
    quantiles of their backtest errors. `fallback` answers requests without future covariate values when `model`
    needs them. Fields with defaults are absent from artifacts stored before them (their class default applies)."""

    model: Any
    freq: str
    horizon: int
    exog: list[str]
    history: pd.DataFrame
    season: int = 1
    quantiles: dict[int, float] | None = None
    fallback: Any = None
    fallback_quantiles: dict[int, float] | None = None

    def chosen(self, future_given: bool) -> tuple[Any, dict[int, float] | None]:
        if self.fallback is not None and not future_given:
            return self.fallback, self.fallback_quantiles
        return self.model, self.quantiles

    def predict(
        self, h: int | None = None, future: pd.DataFrame | None = None, ids: list[str] | None = None
    ) -> pd.DataFrame:
        h = h or self.horizon
        hist = self.history if ids is None else self.history[self.history.unique_id.isin(ids)].reset_index(drop=True)
        if self.quantiles is None:  # an artifact of forecast_legacy.py: its model makes its own intervals
            return self.model.forecast(hist, h, self.freq, future)
        model, q = self.chosen(future is not None)
        out = model.forecast(hist, h, future if model.uses == "future" else None)
        scales = {
            uid: naive_scale(g["y"].to_numpy(dtype="float64"), self.season) for uid, g in hist.groupby("unique_id")
        }
        out = out.sort_values(["unique_id", "ds"]).reset_index(drop=True)
        steps = out.groupby("unique_id").cumcount().to_numpy() + 1
        width = out["unique_id"].map(scales).to_numpy() * horizon_growth(steps)
        for lv in LEVELS:
            out[f"lo-{lv}"] = out["yhat"] - q[lv] * width
            out[f"hi-{lv}"] = out["yhat"] + q[lv] * width
        return out

    def covariate_use(self, future_given: bool) -> list[dict[str, str]]:
        """How the model that answers uses each covariate: `future` (its given values), `lags` (its past values
        only) or `none`."""
        if self.quantiles is None:
            return [{"name": c, "use": "future"} for c in self.exog]
        model, _ = self.chosen(future_given)
        return [{"name": c, "use": model.uses} for c in self.exog]


def add_combination(results: dict[str, tuple[Any, Errors]], pool: list[str]) -> str | None:
    """Adds `auto`'s forecast over the single candidates `pool` to `results` (key -> (factory, backtest errors)):
    the inverse-MASE-weighted mean of the best of them (forecast_choice.combination). Its key, or None when fewer
    than two are within reach of the best (the best then forecasts alone)."""
    mase = {k: results[k][1].summary()["mase"] for k in pool}
    keys, weights = combination(mase, pool)
    if len(keys) < 2:
        return None
    parts = [results[k][0] for k in keys]
    make = lambda: MeanCandidate([p() for p in parts], "weighted", weights)  # noqa: E731
    key = label(make())
    results[key] = (make, Backtest.combined([results[k][1] for k in keys], "weighted", weights))
    return key


def windows_for(shortest: int, h: int, season: int) -> tuple[int, int]:
    """(backtest windows, season length): as many windows as leave every fit at least a few seasons of history."""
    for m in (season, 1) if season > 1 else (1,):
        least = max(2 * m + 4, h + 4, 10)
        for w in range(MAX_WINDOWS, 0, -1):
            if shortest - w * h >= least:
                return w, m
    raise JobError(f"the shortest series has {shortest} points; forecasting {h} ahead needs at least {h + 10}")


def train_forecast(df: pd.DataFrame, spec: TrainSpec) -> dict[str, Any]:
    data, exog = prepare(df, spec)
    sizes = data.groupby("unique_id").size()
    freq = infer_freq(data.loc[data.unique_id == sizes.idxmax(), "ds"])
    shortest = int(sizes.min())
    h = int(spec.forecast.get("horizon") or max(1, min(30, shortest // 5)))
    # The season first: fewer backtest windows rather than a model blind to the season (windows_for).
    windows, season = windows_for(shortest, h, season_for(freq, shortest))
    bt = Backtest(data, h, windows, season)

    def make(name: str, future: bool):
        return lambda: candidate(name, season, freq, h, exog, future, spec.seed)

    # The seed's algorithm names: a booster means its lag model with and without differencing.
    names = (
        [n for n in AUTO if exog or n not in LEVEL_LAGS]
        if spec.algorithm == "auto"
        else [spec.algorithm, f"{spec.algorithm}+diff"]
        if spec.algorithm in BOOSTERS
        else [spec.algorithm]
    )
    plan = [(n, f) for n in names for f in (False, True) if not f or (exog and n.split("+")[0] in FUTURE)]
    results: dict[str, tuple[Any, Errors]] = {}
    leaderboard: list[dict[str, Any]] = []
    started = time.monotonic()
    for name, future in plan:
        proto = make(name, future)()
        key = label(proto)
        bounded = spec.algorithm == "auto" and bool(results)  # the first (seasonal naive) always runs
        if bounded and time.monotonic() - started > spec.time_budget:
            leaderboard.append({"algorithm": key, "skipped": "time budget exhausted"})
            continue
        try:
            results[key] = (
                make(name, future),
                bt.run(key, make(name, future), started + spec.time_budget if bounded else None),
            )
        except OverBudget:
            leaderboard.append({"algorithm": key, "skipped": "its backtest would end past the time budget"})
    base = bt.run("seasonal_naive", make("seasonal_naive", False))

    singles = list(results)
    without = [k for k in singles if results[k][0]().uses != "future"]
    # `auto`: the weighted mean of the best three within reach; a requested algorithm: its best variant. When that needs
    # future covariate values, the same over the candidates that do not answers requests without them.
    combine = spec.algorithm == "auto"
    mase = {k: err.summary()["mase"] for k, (_, err) in results.items()}
    chosen = (add_combination(results, singles) if combine else None) or ranked(mase)[0]
    fallback = None
    if results[chosen][0]().uses == "future" and without:
        fallback = (add_combination(results, without) if combine else None) or ranked(mase, without)[0]

    for key, (mk, err) in results.items():
        s = err.summary()
        proto = mk()
        leaderboard.append(
            {
                "algorithm": key,
                "covariates": proto.uses,
                **(
                    {"weights": dict(zip(map(label, proto.parts), proto.weights, strict=True))}
                    if weighted(proto)
                    else {}
                ),
                "backtest_mase": round(s["mase"], 6),
                "backtest_smape": round(s["smape"], 6),
                "window_mase": s["window_mase"],
                "windows": windows,
                "validation_score": -s["mase"],
                "validation_metric": "neg_mase",
                "validation_headline": 1 - s["smape"] / 2,
                "fit_seconds": round(err.seconds, 3),
                "selected": key == chosen,
                "fallback": key == fallback,
            }
        )
    leaderboard.sort(key=lambda r: (r.get("skipped") is not None, r.get("backtest_mase", 0)))

    err = results[chosen][1]
    summary = err.summary()
    metrics: dict[str, Any] = {
        "mase": summary["mase"],
        "smape": summary["smape"],
        **err.coverage(),
        "backtest_windows": windows,
        "backtest": summary["windows"],
        "headline": 1 - summary["smape"] / 2,
        "headline_metric": "1 - smape/2",
    }
    if windows < MIN_WINDOWS:
        metrics["note"] = (
            f"the shortest series ({shortest} points) leaves room for {windows} backtest window(s) of {h}, "
            f"not {MIN_WINDOWS}: the metrics rest on fewer points"
        )
    if fallback:
        fs = results[fallback][1].summary()
        metrics["without_future_covariates"] = {
            "algorithm": fallback,
            "mase": fs["mase"],
            "smape": fs["smape"],
            **results[fallback][1].coverage(),
        }
    final = ForecastModel(
        results[chosen][0]().fit(data),
        freq,
        h,
        exog,
        data,
        season,
        err.quantiles(),
        results[fallback][0]().fit(data) if fallback else None,
        results[fallback][1].quantiles() if fallback else None,
    )
    return {
        "model": final,
        "algorithm": chosen,
        "metrics": metrics,
        "baseline": {"model": "seasonal_naive", "season_length": season, **base.summary()},
        "leaderboard": leaderboard,
        "config": {
            "algorithm": chosen,
            "requested_algorithm": spec.algorithm,
            "frequency": freq,
            "season_length": season,
            "horizon": h,
            "levels": LEVELS,
            "backtest_windows": windows,
            "intervals": "conformal over the backtest errors",
            "exogenous": exog,
            "covariates": {
                "with_future_values": results[chosen][0]().uses,
                **({"without": results[fallback][0]().uses, "fallback": fallback} if fallback else {}),
            },
            "series": int(sizes.size),
            "time_budget_seconds": spec.time_budget,
        },
        "rows": {"fit": len(data), "backtest": windows * h * int(sizes.size)},
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
    model_class = model_class_of(out["algorithm"])
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
        "library_versions": library_versions(("statsforecast", "mlforecast")),
        **run_metadata(job, snapshot_id),
    }
    saved = _Saved(out["algorithm"], out["metrics"], out["baseline"], out["leaderboard"], preprocess, [])
    return save_model(settings, job, out["model"], metadata, saved, started)


def weighted(candidate: Any) -> bool:
    """A weighted combination (`auto`'s forecast), whose leaderboard row lists its parts' weights."""
    return isinstance(candidate, MeanCandidate) and candidate.weights is not None


def model_class_of(key: str) -> str:
    """`AutoARIMA+future`, `mean(AutoETS, LGBMRegressor (lag features))`: the leaderboard key in class names."""
    how, paren, inner = key.partition("(")
    if paren:
        return how + "(" + ", ".join(model_class_of(k) for k in inner[:-1].split(", ")) + ")"
    name, *flags = key.split("+")
    cls = STAT_MODELS.get(name) or BAGGED.get(name) or f"{BOOSTERS[name]} (lag features)"
    return cls + "".join("+" + f for f in flags)
