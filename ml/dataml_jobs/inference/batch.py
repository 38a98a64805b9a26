"""Batch prediction over an Arrow table: the input columns plus `prediction` (and `probability_<label>` per
class for classification), computed chunk by chunk with the model's stored pipeline."""

from __future__ import annotations

import time

import numpy as np
import pyarrow as pa

from .model import LoadedModel, label_name, predict

DEFAULT_CHUNK = 250_000


def _label_array(model: LoadedModel, labels: np.ndarray) -> pa.Array:
    if model.problem_type != "Classification":
        return pa.array(labels, type=pa.float64())
    kind = model.metadata.get("target_data_type")
    values = labels.tolist()
    if kind == "Boolean":
        return pa.array([bool(v) for v in values], type=pa.bool_())
    if kind == "Integer":
        return pa.array([int(v) for v in values], type=pa.int64())
    return pa.array([str(v) for v in values], type=pa.string())


def _free_name(name: str, taken: set[str]) -> str:
    while name in taken:
        name = f"{name}_"
    taken.add(name)
    return name


def predict_table(model: LoadedModel, data: pa.Table, chunk_rows: int = DEFAULT_CHUNK) -> tuple[pa.Table, float]:
    """The input table with the prediction columns appended; and the seconds spent typing and predicting."""
    taken = set(data.column_names)
    pred_col = _free_name("prediction", taken)
    proba_cols = (
        [_free_name(f"probability_{label_name(c)}", taken) for c in model.class_labels]
        if model.problem_type == "Classification"
        else []
    )
    parts: list[pa.Table] = []
    spent = 0.0
    for start in range(0, max(data.num_rows, 1), chunk_rows):
        chunk = data.slice(start, chunk_rows)
        if chunk.num_rows == 0 and parts:
            break
        t0 = time.perf_counter()
        # Only the model's inputs go to pandas (an Id column of strings would cost more than the prediction).
        df = chunk.select([f.name for f in model.features]).to_pandas()
        p = predict(model, df)
        spent += time.perf_counter() - t0
        out = chunk.append_column(pred_col, _label_array(model, p.labels))
        if p.proba is not None:
            for j, name in enumerate(proba_cols):
                out = out.append_column(name, pa.array(p.proba[:, j], type=pa.float64()))
        parts.append(out)
    return pa.concat_tables(parts), spent
