"""Statistics computed batch by batch agree with numpy/pandas on the whole column."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from dataml_jobs.statistics import columns as st


def test_stats_match_numpy_across_batches():
    rng = np.random.default_rng(1)
    x = rng.normal(10, 3, 5000)
    ints = rng.integers(0, 50, 5000)
    names = np.array(["a", "b", "c", "d"])[rng.integers(0, 4, 5000)]
    table = pa.table(
        {
            "x": pa.array(np.where(np.arange(5000) % 10 == 0, np.nan, x)).cast(pa.float64()),
            "i": pa.array(ints, pa.int64()),
            "s": pa.array(names.tolist(), pa.string()),
        }
    )
    # nulls: every 10th x
    xs = pa.array([None if k % 10 == 0 else float(v) for k, v in enumerate(x)], pa.float64())
    table = table.set_column(0, "x", xs)
    rows, cols = st.compute(table.to_batches(max_chunksize=700), table.schema, {}, None)
    assert rows == 5000
    bx = {c["column_name"]: c for c in cols}
    vals = np.array([v for k, v in enumerate(x) if k % 10])
    assert bx["x"]["count"] == len(vals) and bx["x"]["nulls"] == 500
    assert np.isclose(bx["x"]["mean"], vals.mean()) and np.isclose(bx["x"]["std"], vals.std(ddof=1))
    assert bx["x"]["min"] == vals.min() and bx["x"]["max"] == vals.max()
    assert np.isclose(bx["x"]["quantiles"]["p50"], np.median(vals))
    assert bx["i"]["distinct_count"] == len(np.unique(ints))
    counts = {k: int((names == k).sum()) for k in "abcd"}
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    assert [(t["value"], t["count"]) for t in bx["s"]["top_values"]] == top
    assert bx["s"]["mean"] is None and bx["s"]["distinct_count"] == 4
