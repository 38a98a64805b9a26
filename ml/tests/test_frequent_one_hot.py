"""String columns are one-hot encoded by their frequent levels only: rare levels and ids encode like unseen ones,
the width stays bounded on long data, and the encoder still exports to ONNX exactly."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from dataml_jobs.training.model import TrainSpec, train_frame
from dataml_jobs.training.onnx_export import export_onnx, onnx_inputs
from dataml_jobs.training.preprocess import (
    MIN_LEVEL_ROWS,
    MIN_LEVELS,
    ONE_HOT_CELLS,
    FrequentOneHot,
    to_model_frame,
)


def column(values: list[str]) -> np.ndarray:
    return np.array(values, dtype=object).reshape(-1, 1)


def test_levels_under_the_row_threshold_encode_as_all_zeros():
    X = column(["a"] * 10 + ["b"] * MIN_LEVEL_ROWS + ["c"] * (MIN_LEVEL_ROWS - 1) + ["d"])
    enc = FrequentOneHot().fit(X)
    assert list(enc.categories_[0]) == ["a", "b"]
    out = enc.transform(column(["a", "b", "c", "d", "never seen"]))
    assert out.tolist() == [[1, 0], [0, 1], [0, 0], [0, 0], [0, 0]]


def test_at_most_max_levels_the_most_frequent_ties_by_value():
    values = [f"v{i:02d}" for i in range(20) for _ in range(6 + (i % 3))]
    enc = FrequentOneHot(max_levels=5).fit(column(values))
    counts = pd.Series(values).value_counts()
    expected = sorted(counts.sort_index().sort_values(ascending=False, kind="stable").index[:5])
    assert list(enc.categories_[0]) == expected


def test_long_data_keeps_fewer_levels_but_never_under_the_floor():
    n = ONE_HOT_CELLS // 20  # with 4 string columns, the budget allows 5 levels a column: the floor wins
    rng = np.random.default_rng(0)
    X = column([f"l{i}" for i in rng.integers(0, 40, n)])
    assert len(FrequentOneHot(columns=4).fit(X).categories_[0]) == MIN_LEVELS
    assert len(FrequentOneHot(columns=1).fit(X).categories_[0]) == 20  # 50 M cells / 2.5 M rows


def test_a_column_of_ids_keeps_one_level_and_clone_refits_from_scratch():
    X = column([f"id{i}" for i in range(500)])
    enc = FrequentOneHot().fit(X)
    assert enc.transform(X).shape == (500, 1)
    again = clone(enc).fit(column(["x"] * 6))
    assert list(again.categories_[0]) == ["x"]
    assert clone(enc).get_params() == {"columns": 1, "max_levels": 100, "min_rows": MIN_LEVEL_ROWS}


@pytest.mark.parametrize("algo", ["lightgbm", "linear"])
def test_training_with_an_id_column_stays_narrow_and_exports_to_onnx(algo):
    rng = np.random.default_rng(3)
    n = 2000
    city = rng.choice([f"c{i}" for i in range(30)], n)
    df = pd.DataFrame(
        {
            "order id": [f"o{i}" for i in range(n)],  # an id the template calls a String
            "city": city,
            "x": rng.normal(size=n),
        }
    )
    df["y"] = np.where(df.x + (df.city < "c15") + rng.normal(0, 0.5, n) > 0.5, "yes", "no")
    template = [
        {"column_name": "order id", "data_type": "String"},
        {"column_name": "city", "data_type": "String"},
        {"column_name": "x", "data_type": "Float"},
        {"column_name": "y", "data_type": "String"},
    ]
    columns = [{"column_name": "y", "data_type": "String", "attribute_name": "Target"}]
    t = train_frame(df, TrainSpec("Classification", algo, columns, template, seed=1))
    width = t.pipeline.named_steps["preprocess"].transform(to_model_frame(df.head(5), t.features)).shape[1]
    assert width == 1 + 30 + 1  # one level of the ids, every city, x
    assert t.metrics["accuracy"] > 0.75
    blob, info = export_onnx(t.pipeline, t.features, "Classification", t.X_sample)
    assert blob is not None, info
    import onnxruntime as ort

    X = to_model_frame(df.tail(300), t.features)
    out = ort.InferenceSession(blob, providers=["CPUExecutionProvider"]).run(None, onnx_inputs(X, t.features))
    assert np.allclose(out[1], t.pipeline.predict_proba(X), atol=1e-4)


def test_a_string_column_missing_on_every_row_trains_and_exports():
    """sklearn's imputer used to drop such a column, and the one-hot encoder then failed on zero columns."""
    rng = np.random.default_rng(5)
    n = 600
    df = pd.DataFrame({"note": [None] * n, "x": rng.normal(size=n)})
    df["y"] = df.x * 2 + rng.normal(0, 0.3, n)
    template = [
        {"column_name": "note", "data_type": "String", "nullable": True},
        {"column_name": "x", "data_type": "Float"},
        {"column_name": "y", "data_type": "Float"},
    ]
    columns = [{"column_name": "y", "data_type": "Float", "attribute_name": "Target"}]
    t = train_frame(df, TrainSpec("Regression", "lightgbm", columns, template, seed=2))
    assert t.metrics["r2"] > 0.8
    blob, info = export_onnx(t.pipeline, t.features, "Regression", t.X_sample)
    assert blob is not None, info
