"""A drift report: every input feature of a model, and its predictions, on a reference sample vs a current one.

Both samples are typed with the model's own `to_model_frame` (as at training), so the comparison sees what the
model sees. Strings and booleans are compared by level, numbers and dates by quantile bins (stats.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from pyiceberg.table import Table

from ..inference.model import LoadedModel, label_name, predict
from ..training.preprocess import Feature
from .stats import Thresholds, categorical_drift, feature_drift, numeric_drift

CATEGORICAL_TYPES = {"String", "Boolean"}
DEFAULT_SAMPLE_ROWS = 5000
# Rows read at most from a table before sampling: bounds the time and memory of a run on a big dataset.
SCAN_FACTOR = 20


def is_numeric(f: Feature) -> bool:
    return f.data_type not in CATEGORICAL_TYPES


def _comparable(model: LoadedModel, df: pd.DataFrame) -> pd.DataFrame:
    x = model.frame(df)
    for f in model.features:
        if f.data_type == "String":
            # The training pipeline's marker for a missing string is "": missing is its own level here.
            x[f.name] = x[f.name].where(x[f.name] != "", None)
    return x


def sample_table(
    table: Table,
    columns: list[str],
    sample_rows: int,
    seed: int,
    snapshot_id: int | None = None,
    row_filter: Any = None,
) -> pd.DataFrame:
    """At most `sample_rows` rows, drawn at random (seeded) from the first `SCAN_FACTOR * sample_rows` of the scan."""
    kwargs: dict[str, Any] = {"selected_fields": tuple(columns), "limit": sample_rows * SCAN_FACTOR}
    if snapshot_id is not None:
        kwargs["snapshot_id"] = snapshot_id
    if row_filter is not None:
        kwargs["row_filter"] = row_filter
    frame = table.scan(**kwargs).to_arrow().to_pandas()
    if len(frame) > sample_rows:
        frame = frame.sample(n=sample_rows, random_state=seed).reset_index(drop=True)
    return frame


def prediction_drift(model: LoadedModel, ref: pd.DataFrame, cur: pd.DataFrame, t: Thresholds) -> dict[str, Any]:
    """The model's predictions on both samples: class shares (classification) or value quantiles (regression)."""
    pr, pc = predict(model, ref).labels, predict(model, cur).labels
    if model.problem_type == "Classification":
        out = categorical_drift(pd.Series([label_name(v) for v in pr]), pd.Series([label_name(v) for v in pc]), t)
    else:
        out = numeric_drift(np.asarray(pr, dtype="float64"), np.asarray(pc, dtype="float64"), t)
    return out


def drift_report(model: LoadedModel, ref: pd.DataFrame, cur: pd.DataFrame, t: Thresholds) -> dict[str, Any]:
    rx, cx = _comparable(model, ref), _comparable(model, cur)
    features = [
        {"feature": f.name, "data_type": f.data_type, **feature_drift(rx[f.name], cx[f.name], is_numeric(f), t)}
        for f in model.features
    ]
    prediction = prediction_drift(model, ref, cur, t)
    flagged = [f["feature"] for f in features if f["flagged"]]
    return {
        "drift_detected": bool(flagged or prediction["flagged"]),
        "flagged_features": flagged,
        "features": features,
        "prediction": prediction,
        "reference_rows": len(ref),
        "current_rows": len(cur),
        "thresholds": {"psi": t.psi, "p_value": t.p_value, "min_effect": t.min_effect, "bins": t.bins},
    }
