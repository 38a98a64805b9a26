"""Serving a stored Forecast model: steps after the last date of the series at its frequency, intervals around the
value, the covariate's future values used when given and its past values otherwise, an unknown series named as such."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dataml_jobs.common.runner import JobError
from dataml_jobs.inference.forecast import UnknownSeries, forecast, load_forecaster
from dataml_jobs.training.forecast import train_forecast
from dataml_jobs.training.model import TrainSpec, dump_artifact


@pytest.fixture(scope="module")
def stored():
    rng = np.random.default_rng(0)
    rows = []
    for uid, base in (("A", 100), ("B", 50)):
        for i, d in enumerate(pd.date_range("2024-01-07", periods=50, freq="W-SUN")):
            promo = float(rng.random() < 0.3)
            rows.append({"sid": uid, "week": d, "promo": promo, "sales": base + i + 20 * promo + rng.normal(0, 1)})
    template = [
        {"column_name": c, "data_type": t, "default_value": None, "nullable": False}
        for c, t in (("sid", "String"), ("week", "Date"), ("promo", "Float"), ("sales", "Float"))
    ]
    cols = [
        {"column_name": "sid", "data_type": "String", "attribute_name": "Id"},
        {"column_name": "week", "data_type": "Date", "attribute_name": "Time"},
        {"column_name": "sales", "data_type": "Float", "attribute_name": "Target"},
    ]
    out = train_forecast(pd.DataFrame(rows), TrainSpec("Forecast", "lightgbm", cols, template, forecast={"horizon": 4}))
    fm, _ = load_forecaster(dump_artifact(out["model"], {"format": "dataml-model/1", "problem_type": "Forecast"}))
    return fm


def test_steps_follow_the_last_date_with_intervals(stored):
    answer = forecast(stored, "A", 3, [{"promo": 1}, {"promo": 0}, {"promo": 1}])
    assert answer["covariates"] == [{"name": "promo", "use": "future"}]
    steps = answer["forecast"]
    last = pd.Timestamp("2024-01-07") + pd.Timedelta(weeks=49)
    assert [s["date"] for s in steps] == [(last + pd.Timedelta(weeks=k)).date().isoformat() for k in (1, 2, 3)]
    for s in steps:
        assert s["confidence"] == 0.95 and s["lower"] <= s["value"] <= s["upper"]
    assert steps[0]["value"] > steps[1]["value"]  # the promotion week
    # The series' last observed points come first, ending where the forecast starts.
    history = answer["history"]
    assert len(history) == 50 and history[-1]["date"] == last.date().isoformat()
    assert all(isinstance(p["value"], float) for p in history)


def test_without_future_values_the_fallback_forecasts_and_unknown_series(stored):
    answer = forecast(stored, "A", 2, None)
    assert answer["covariates"] == [{"name": "promo", "use": "lags"}] and len(answer["forecast"]) == 2
    with pytest.raises(JobError, match="exogenous values for promo"):
        forecast(stored, "A", 2, [{"promo": 0}])
    with pytest.raises(UnknownSeries):
        forecast(stored, "Z", 2, [{"promo": 0}] * 2)
