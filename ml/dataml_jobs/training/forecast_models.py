"""The forecast candidates: statsforecast's AutoETS, AutoARIMA, AutoTheta, AutoCES, SeasonalNaive, AutoETS bagged over
bootstrapped series, and an mlforecast gradient-boosted lag model; the mean or median of several of them.

Every candidate answers `forecast(history, h, future)` with a frame (unique_id, ds, yhat): `history` is each
series' past (unique_id, ds, y and the covariate columns), `future` the covariates' values for the next `h` dates
or None. A candidate with `uses == "future"` needs `future`; the others use covariates only through values
already in `history` (`"lags"`) or not at all (`"none"`), so they forecast without any future values.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

# statsforecast compiles its models with numba on first use (seconds per model); cache the machine code on disk so
# that only the first job on a machine pays it, not every Ray job. numba reads the directory at its import, which
# another library may have done already.
os.environ.setdefault("NIXTLA_NUMBA_CACHE", "1")
os.environ.setdefault("NUMBA_CACHE_DIR", os.path.join(tempfile.gettempdir(), "dataml-numba-cache"))
if "numba" in sys.modules:
    sys.modules["numba"].config.CACHE_DIR = os.environ["NUMBA_CACHE_DIR"]

# statsforecast's model classes by the names the leaderboard and the seed's algorithm field use.
STAT_MODELS = {
    "ets": "AutoETS",
    "arima": "AutoARIMA",
    "theta": "AutoTheta",
    "ces": "AutoCES",
    "seasonal_naive": "SeasonalNaive",
}
BOOSTERS = {"lightgbm": "LGBMRegressor", "xgboost": "XGBRegressor"}
BAGGED = {"bagged_ets": "AutoETS (bagged)"}  # BaggedETS


def future_dates(history: pd.DataFrame, h: int, freq: str) -> pd.DataFrame:
    """The next `h` dates of every series in `history`."""
    last = history.groupby("unique_id", sort=True)["ds"].max()
    rows = [(uid, d) for uid, end in last.items() for d in pd.date_range(end, periods=h + 1, freq=freq)[1:]]
    return pd.DataFrame(rows, columns=["unique_id", "ds"])


@dataclass
class StatCandidate:
    """A statsforecast model, fitted on each series' history at forecast time (they are fast and local)."""

    name: str  # a STAT_MODELS key
    season: int
    freq: str
    exog: list[str] = field(default_factory=list)  # given to AutoARIMA as regressors known in advance

    @property
    def uses(self) -> str:
        return "future" if self.exog else "none"

    def _model(self):
        from statsforecast import models

        cls = getattr(models, STAT_MODELS[self.name])
        return cls(season_length=self.season)

    def fit(self, df: pd.DataFrame) -> StatCandidate:
        return self

    def forecast(self, history: pd.DataFrame, h: int, future: pd.DataFrame | None) -> pd.DataFrame:
        from statsforecast import StatsForecast

        sf = StatsForecast(models=[self._model()], freq=self.freq, n_jobs=1)
        X = None
        if self.exog:
            given = future[["unique_id", "ds", *self.exog]] if future is not None else None
            X = future_dates(history, h, self.freq)
            X = (
                X.merge(given, on=["unique_id", "ds"], how="left")
                if given is not None
                else X.assign(**dict.fromkeys(self.exog, np.nan))
            )
            X[self.exog] = X[self.exog].fillna(history[self.exog].median())
        fc = sf.forecast(h=h, df=history[["unique_id", "ds", "y", *self.exog]], X_df=X)
        fc = fc.reset_index() if "unique_id" not in fc.columns else fc
        name = next(c for c in fc.columns if c not in ("unique_id", "ds"))
        out = fc.rename(columns={name: "yhat"})[["unique_id", "ds", "yhat"]]
        out["unique_id"] = out["unique_id"].astype(str)
        return out


@dataclass
class BaggedETS:
    """AutoETS bagged over bootstrapped copies of each series (Bergmeir, Hyndman & Benitez 2016, "Bagging exponential
    smoothing methods using STL decomposition and Box-Cox transformation"; R's forecast::baggedETS): the series is
    Box-Cox transformed (a positive one; lambda by maximum likelihood within [0, 1]) and decomposed by STL into trend +
    season + remainder (a loess trend without season); `copies - 1` new series are the trend and season plus the
    remainder resampled in moving blocks of two seasons (8 points without season), transformed back. AutoETS is
    fitted to each and to the series itself, and the forecast is the mean of theirs. Averaging over plausible
    histories lowers the variance of ETS's model choice and parameters: on the 33 real series of the study it
    forecast better than AutoETS on one history (docs/benchmarks.md). It costs `copies` AutoETS fits."""

    season: int
    freq: str
    seed: int = 0
    copies: int = 10
    name: str = "bagged_ets"

    uses = "none"

    def fit(self, df: pd.DataFrame) -> BaggedETS:
        return self

    def forecast(self, history: pd.DataFrame, h: int, future: pd.DataFrame | None) -> pd.DataFrame:
        from statsforecast import StatsForecast
        from statsforecast.models import AutoETS

        rng = np.random.default_rng(self.seed)
        frames, owner = [], {}
        for uid, g in history.groupby("unique_id", sort=True):
            for y in bootstrapped(g["y"].to_numpy(dtype="float64"), self.season, self.copies, rng):
                key = f"copy{len(owner)}"  # any id of the caller's: the copies map back to it
                owner[key] = uid
                frames.append(pd.DataFrame({"unique_id": key, "ds": g["ds"].to_numpy(), "y": y}))
        sf = StatsForecast(models=[AutoETS(season_length=self.season)], freq=self.freq, n_jobs=1)
        fc = sf.forecast(h=h, df=pd.concat(frames, ignore_index=True))
        fc = fc.reset_index() if "unique_id" not in fc.columns else fc
        fc["unique_id"] = fc["unique_id"].map(owner)
        out = fc.groupby(["unique_id", "ds"], sort=True)["AutoETS"].mean().reset_index()
        out = out.rename(columns={"AutoETS": "yhat"})[["unique_id", "ds", "yhat"]]
        out["unique_id"] = out["unique_id"].astype(str)
        return out


def bootstrapped(y: np.ndarray, season: int, copies: int, rng: np.random.Generator) -> list[np.ndarray]:
    """`y` and `copies - 1` series like it: its STL trend and season (on the Box-Cox scale) plus its remainder
    resampled in moving blocks (BaggedETS)."""
    from scipy import stats
    from statsmodels.nonparametric.smoothers_lowess import lowess
    from statsmodels.tsa.seasonal import STL

    n = len(y)
    lam = None
    if np.all(y > 0) and np.ptp(y) > 0:
        with np.errstate(all="ignore"):
            found = stats.boxcox_normmax(y, brack=(0.0, 1.0), method="mle")
        lam = float(np.clip(found, 0.0, 1.0)) if np.isfinite(found) else None
    x = y if lam is None else np.log(y) if lam == 0 else (y**lam - 1) / lam
    if season > 1 and n >= 2 * season + 1:
        stl = STL(x, period=season).fit()
        base = stl.trend + stl.seasonal
    else:
        base = lowess(x, np.arange(n), frac=min(1.0, max(0.2, 15 / n)), return_sorted=False)
    remainder = x - base
    block = max(1, min(2 * season if season > 1 else 8, n // 2))
    out = [y]
    for _ in range(copies - 1):
        starts = rng.integers(0, n - block + 1, size=n // block + 2)
        resampled = np.concatenate([remainder[s : s + block] for s in starts])
        offset = rng.integers(0, block)
        z = base + resampled[offset : offset + n]
        if lam is not None:  # back from the Box-Cox scale (a value below its domain: the smallest positive)
            z = np.exp(z) if lam == 0 else np.power(np.maximum(lam * z + 1, 1e-12), 1 / lam)
        out.append(z)
    return out


@dataclass
class LagCandidate:
    """Gradient boosting on lags of the target (mlforecast), forecasting recursively.

    With `diff` the target is differenced first where a KPSS test finds it non-stationary (mlforecast's
    AutoDifferences), so that trends extrapolate, which trees cannot do on levels; without it the trees see levels,
    which is better where covariates or a stable level drive the series (differencing doubles the noise). The
    backtests choose. Seasonal lags carry the season. Covariates enter as
    their value `h` steps back, known for every step of the horizon without future values (`"lags"`); with
    `future=True` also as their value at the forecast date and the step before (a differenced target moves with
    the covariate's change).
    """

    name: str  # a BOOSTERS key
    season: int
    freq: str
    horizon: int
    exog: list[str] = field(default_factory=list)
    future: bool = False
    diff: bool = False
    seed: int = 0
    fitted: Any = None

    @property
    def uses(self) -> str:
        return "future" if self.future and self.exog else "lags" if self.exog else "none"

    def _shifts(self) -> dict[int, list[str]]:
        """The covariate columns the model reads, by how many steps back their value is taken."""
        out = {self.horizon: [f"{c}__lag{self.horizon}" for c in self.exog]}
        if self.future:
            out.setdefault(0, []).extend(self.exog)
            if self.horizon != 1:
                out[1] = [f"{c}__lag1" for c in self.exog]
        return out

    def _with_covariates(self, frame: pd.DataFrame) -> pd.DataFrame:
        """`frame` (unique_id, ds, and the covariates' values, NaN where unknown) with the shifted covariates."""
        out = frame[["unique_id", "ds"] + (["y"] if "y" in frame else [])].copy()
        by = frame.groupby("unique_id", sort=False)
        for k, cols in self._shifts().items():
            for c, col in zip(self.exog, cols, strict=True):
                out[col] = by[c].shift(k) if k else frame[c]
        return out

    def _regressor(self):
        if self.name == "xgboost":
            import xgboost as xgb

            return xgb.XGBRegressor(n_estimators=200, learning_rate=0.05, max_depth=4, n_jobs=1, random_state=self.seed)
        import lightgbm as lgb

        return lgb.LGBMRegressor(
            n_estimators=200,
            learning_rate=0.05,
            num_leaves=15,
            min_child_samples=5,
            n_jobs=1,
            random_state=self.seed,
            verbose=-1,
            deterministic=True,
            force_row_wise=True,
        )

    def fit(self, df: pd.DataFrame) -> LagCandidate:
        from mlforecast import MLForecast
        from mlforecast.target_transforms import AutoDifferences

        m = self.season
        lags = sorted({1, 2, 3, m, 2 * m} if m > 1 else {1, 2, 3, 4, 5, 6})
        self.fitted = MLForecast(
            models={self.name: self._regressor()},
            freq=self.freq,
            lags=[lag for lag in lags if lag < df.groupby("unique_id").size().min() // 2],
            target_transforms=[AutoDifferences(max_diffs=1)] if self.diff else None,
        )
        self.fitted.fit(self._with_covariates(df), static_features=[], dropna=True)
        return self

    def forecast(self, history: pd.DataFrame, h: int, future: pd.DataFrame | None) -> pd.DataFrame:
        X = None
        if self.exog:
            # History and the next h dates in one frame, so that shifting reads past values across the boundary.
            ahead = future_dates(history, h, self.freq)
            if self.future and future is not None:
                ahead = ahead.merge(future[["unique_id", "ds", *self.exog]], on=["unique_id", "ds"], how="left")
            both = pd.concat([history[["unique_id", "ds", *self.exog]], ahead], ignore_index=True)
            both = both.sort_values(["unique_id", "ds"], kind="stable").reset_index(drop=True)
            if self.future:  # a missing future value: the covariate's median (as prepare() fills the history)
                both[self.exog] = both[self.exog].fillna(history[self.exog].median())
            X = self._with_covariates(both).merge(ahead[["unique_id", "ds"]], on=["unique_id", "ds"])
        hist = self._with_covariates(history)
        fc = self.fitted.predict(h, new_df=hist, X_df=X)
        out = fc.rename(columns={self.name: "yhat"})[["unique_id", "ds", "yhat"]]
        out["unique_id"] = out["unique_id"].astype(str)
        return out


@dataclass
class MeanCandidate:
    """The mean (median, weighted mean) of several candidates' forecasts, point by point. Combinations of a few
    models are among the most accurate methods on the M3/M4 competitions' data: their errors partly cancel, and
    they rarely fail where one of their parts does. `auto` weighs its three best by inverse backtest MASE
    (forecast_choice.py). Artifacts stored before `how` existed are means (the class default), before `weights`
    unweighted."""

    parts: list[Any]
    how: str = "mean"  # "mean" | "median" | "weighted" (by `weights`)
    weights: list[float] | None = None  # one per part, summing to 1 (`how == "weighted"`)

    @property
    def name(self) -> str:
        return self.how + "(" + ", ".join(label(p) for p in self.parts) + ")"

    @property
    def uses(self) -> str:
        kinds = {p.uses for p in self.parts}
        return "future" if "future" in kinds else "lags" if "lags" in kinds else "none"

    def fit(self, df: pd.DataFrame) -> MeanCandidate:
        for p in self.parts:
            p.fit(df)
        return self

    def forecast(self, history: pd.DataFrame, h: int, future: pd.DataFrame | None) -> pd.DataFrame:
        fcs = [p.forecast(history, h, future) for p in self.parts]
        out = fcs[0].copy()
        out["yhat"] = combine([f["yhat"].to_numpy(dtype="float64") for f in fcs], self.how, self.weights)
        return out


def combine(forecasts: list[np.ndarray], how: str, weights: list[float] | None = None) -> np.ndarray:
    """The point-by-point mean, median or weighted mean of aligned forecasts (one rule for the model and for its
    backtest)."""
    if how == "median":
        return np.median(forecasts, axis=0)
    if how == "weighted":
        return np.average(forecasts, axis=0, weights=weights)
    return np.mean(forecasts, axis=0)


def candidate(name: str, season: int, freq: str, horizon: int, exog: list[str], future: bool, seed: int):
    """`lightgbm+diff`: the booster on the differenced target; `+future`: taking future covariate values."""
    name, _, flag = name.partition("+")
    if name in BOOSTERS:
        return LagCandidate(name, season, freq, horizon, exog, future, flag == "diff", seed)
    if name == "bagged_ets":
        return BaggedETS(season, freq, seed)
    return StatCandidate(name, season, freq, exog if future and name == "arima" else [])


def label(c: Any) -> str:
    """The candidate's leaderboard name: the algorithm, `+future` when it takes future covariate values."""
    if isinstance(c, MeanCandidate):
        return c.name
    return c.name + ("+diff" if getattr(c, "diff", False) else "") + ("+future" if c.uses == "future" else "")
