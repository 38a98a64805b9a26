"""Descriptive statistics of Arrow record batches, column by column, with bounded memory.

One entry per column: count (non-null), nulls, distinct_count, min/max/mean/std (sample, ddof=1)/quantiles (p25,
p50, p75, linear interpolation) for numbers, and the 10 most frequent values for strings, booleans and dates.
Exact up to SAMPLE_LIMIT rows per column (quantiles) and DISTINCT_LIMIT distinct values (distinct count and top
values); beyond, quantiles come from a uniform reservoir sample and distinct_count is null.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

SAMPLE_LIMIT = 1_000_000
DISTINCT_LIMIT = 1_000_000
TOP_N = 10


class ColumnStats:
    def __init__(self, name: str, arrow_type: pa.DataType, iceberg_type: str, seed: int = 7):
        self.name = name
        self.iceberg_type = iceberg_type
        self.numeric = pa.types.is_integer(arrow_type) or pa.types.is_floating(arrow_type)
        self.count = 0
        self.nulls = 0
        self.mean = 0.0
        self.m2 = 0.0
        self.min: float | None = None
        self.max: float | None = None
        self.sample: list[np.ndarray] = []
        self.sample_size = 0
        self.rng = np.random.default_rng(seed)
        self.counter: Counter | None = Counter()
        self.distinct: set | None = set()

    def update(self, arr: pa.Array) -> None:
        n_null = arr.null_count
        self.nulls += n_null
        values = arr.drop_null()
        n = len(values)
        if n == 0:
            return
        self.count += n
        if self.numeric:
            x = values.to_numpy(zero_copy_only=False).astype(np.float64)
            b_mean = float(x.mean())
            b_m2 = float(((x - b_mean) ** 2).sum())
            total = self.count
            prev = total - n
            delta = b_mean - self.mean
            self.mean += delta * n / total
            self.m2 += b_m2 + delta * delta * prev * n / total
            bmin, bmax = float(x.min()), float(x.max())
            self.min = bmin if self.min is None else min(self.min, bmin)
            self.max = bmax if self.max is None else max(self.max, bmax)
            self._reservoir(x)
        if self.distinct is not None:
            self.distinct.update(pc.unique(values).to_pylist())
            if len(self.distinct) > DISTINCT_LIMIT:
                self.distinct = None
        if not self.numeric and self.counter is not None:
            vc = pc.value_counts(values)
            for item in vc:
                self.counter[item["values"].as_py()] += item["counts"].as_py()
            if len(self.counter) > DISTINCT_LIMIT:
                self.counter = Counter(dict(self.counter.most_common(DISTINCT_LIMIT // 10)))

    def _reservoir(self, x: np.ndarray) -> None:
        room = SAMPLE_LIMIT - self.sample_size
        if room > 0:
            take = x[:room]
            self.sample.append(take.copy())
            self.sample_size += len(take)
            x = x[room:]
        if len(x):  # reservoir replacement for the overflow (Algorithm R, vectorised)
            all_sample = np.concatenate(self.sample) if len(self.sample) > 1 else self.sample[0]
            start = self.count - len(x)
            idx = np.arange(start, start + len(x))
            j = (self.rng.random(len(x)) * (idx + 1)).astype(np.int64)
            keep = j < SAMPLE_LIMIT
            all_sample[j[keep]] = x[keep]
            self.sample = [all_sample]

    def result(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "column_name": self.name,
            "data_type": self.iceberg_type,
            "count": self.count,
            "nulls": self.nulls,
            "distinct_count": len(self.distinct) if self.distinct is not None else None,
            "min": None,
            "max": None,
            "mean": None,
            "std": None,
            "quantiles": {"p25": None, "p50": None, "p75": None},
            "top_values": [],
        }
        if self.numeric and self.count:
            sample = np.concatenate(self.sample)
            q = np.quantile(sample, [0.25, 0.5, 0.75])
            out.update(
                {
                    "min": _num(self.min),
                    "max": _num(self.max),
                    "mean": _num(self.mean),
                    "std": _num(math.sqrt(self.m2 / (self.count - 1))) if self.count > 1 else None,
                    "quantiles": {"p25": _num(q[0]), "p50": _num(q[1]), "p75": _num(q[2])},
                }
            )
        elif self.counter is not None:
            top = sorted(self.counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[:TOP_N]
            out["top_values"] = [{"value": _text(v), "count": int(c)} for v, c in top]
        return out


def _num(v: float | None) -> float | None:
    return None if v is None or not math.isfinite(v) else float(v)


def _text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


def compute(
    batches: Any, schema: pa.Schema, iceberg_types: dict[str, str], columns: list[str] | None
) -> tuple[int, list[dict]]:
    names = columns or schema.names
    stats = {n: ColumnStats(n, schema.field(n).type, iceberg_types.get(n, str(schema.field(n).type))) for n in names}
    rows = 0
    for batch in batches:
        rows += batch.num_rows
        for n, s in stats.items():
            s.update(batch.column(batch.schema.get_field_index(n)))
    return rows, [stats[n].result() for n in names]
