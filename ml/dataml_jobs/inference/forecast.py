"""Forecasts with a stored Forecast model (ml/dataml_jobs/training/forecast.py `ForecastModel`): `steps` ahead of the
last date of one series, at the model's own frequency, with the 95 % prediction interval, and how each covariate
was used. Without future covariate values the model's fallback (which needs none) answers."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..common.runner import JobError
from ..training.model import load_artifact

HISTORY_POINTS = 60


class UnknownSeries(JobError):
    """The model has no series with this unique_id."""


def load_forecaster(blob: bytes) -> tuple[Any, dict[str, Any]]:
    art = load_artifact(blob)
    if art["metadata"].get("problem_type") != "Forecast":
        raise JobError("not a Forecast model")
    return art["pipeline"], art["metadata"]


def forecast(
    fm: Any, unique_id: str, steps: int, exogenous: list[dict[str, Any]] | None, level: int = 95
) -> dict[str, Any]:
    """{"forecast": [{date, value, confidence, lower, upper}], "covariates": [{name, use}], "history": [{date, value}]}.

    `history` is the series' last observed points (up to HISTORY_POINTS, at least 3 × steps) so that a client can
    draw the forecast after the data it continues."""
    history = fm.history[fm.history["unique_id"] == str(unique_id)]
    if history.empty:
        raise UnknownSeries(f"the model has no series {unique_id!r}")
    last = history["ds"].iloc[-1]
    dates = pd.date_range(last, periods=steps + 1, freq=fm.freq)[1:]
    future = None
    if fm.exog and exogenous:
        if len(exogenous) != steps:
            raise JobError(f"exogenous values for {', '.join(fm.exog)} are needed for each of the {steps} steps")
        future = pd.DataFrame(
            {"unique_id": str(unique_id), "ds": dates, **{c: [float(e[c]) for e in exogenous] for c in fm.exog}}
        )
    elif fm.exog and getattr(fm, "quantiles", None) is None:  # a model stored before fallbacks: it needs them
        raise JobError(f"exogenous values for {', '.join(fm.exog)} are required for each of the {steps} steps")
    out = fm.predict(steps, future, ids=[str(unique_id)])
    out = out[out["unique_id"] == str(unique_id)].sort_values("ds")
    rows = []
    for _, r in out.iterrows():
        rows.append(
            {
                "date": _date(r["ds"]),
                "value": float(r["yhat"]),
                "confidence": level / 100,
                "lower": _f(r.get(f"lo-{level}")),
                "upper": _f(r.get(f"hi-{level}")),
            }
        )
    shown = history.tail(min(len(history), max(HISTORY_POINTS, 3 * steps)))
    past = [{"date": _date(d), "value": _f(y)} for d, y in zip(shown["ds"], shown["y"], strict=True)]
    return {"forecast": rows, "covariates": fm.covariate_use(future is not None), "history": past}


def _date(d: Any) -> str:
    ts = pd.Timestamp(d)
    return ts.date().isoformat() if ts == ts.normalize() else ts.isoformat()


def _f(v: Any) -> float | None:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(x) else x
