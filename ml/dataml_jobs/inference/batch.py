"""Batch prediction over an Arrow table: the input columns plus `prediction` (and `probability_<label>` per
class for classification), computed chunk by chunk with the model's stored pipeline."""

from __future__ import annotations

import time

import numpy as np
import pyarrow as pa

from .model import Explanation, LoadedModel, label_name, predict

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


def predict_table(
    model: LoadedModel, data: pa.Table, chunk_rows: int = DEFAULT_CHUNK, explain: bool = False
) -> tuple[pa.Table, float]:
    """The input table with the prediction columns appended; and the seconds spent typing and predicting.
    `explain`: also `contribution_<feature>` per input and `contribution_base` (multiclass: one set per class,
    `contribution_<label>_<feature>`), in the model's raw output space (`training.explain.output_space`)."""
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
        p = predict(model, df, explain)
        spent += time.perf_counter() - t0
        out = chunk.append_column(pred_col, _label_array(model, p.labels))
        if p.proba is not None:
            for j, name in enumerate(proba_cols):
                out = out.append_column(name, pa.array(p.proba[:, j], type=pa.float64()))
        if p.explanation is not None:
            out = _append_contributions(out, p.explanation, set(data.column_names) | set(out.column_names))
        parts.append(out)
    return pa.concat_tables(parts), spent


def _append_contributions(out: pa.Table, e: Explanation, taken: set[str]) -> pa.Table:
    for j, output in enumerate(e.outputs):
        prefix = "contribution_" if len(e.outputs) == 1 else f"contribution_{output}_"
        for i, feature in enumerate(e.features):
            out = out.append_column(_free_name(f"{prefix}{feature}", taken), pa.array(e.contrib[:, i, j]))
        out = out.append_column(_free_name(f"{prefix}base", taken), pa.array(e.base[:, j]))
    return out
