"""The template's columns and the type rules: each value's text is converted, vectorised, to its Arrow type.

The rules are those of docs/data.md (Templates); a value that does not convert is a `type_error`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

ARROW_TYPES: dict[str, pa.DataType] = {
    "String": pa.string(),
    "Integer": pa.int64(),
    "Float": pa.float64(),
    "Boolean": pa.bool_(),
    "Date": pa.date32(),
    "DateTime": pa.timestamp("us", tz="UTC"),
}

INTEGER_RE = r"^[+-]?\d+$"
FLOAT_RE = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_RE = r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$"


@dataclass
class Column:
    name: str
    data_type: str
    default: str | None
    nullable: bool
    # May be absent from the file without a report (a prediction dataset's Target column); left null.
    optional: bool = False

    @property
    def arrow_type(self) -> pa.DataType:
        return ARROW_TYPES[self.data_type]


def parse_template(raw: list[dict[str, Any]]) -> list[Column]:
    cols = []
    for c in raw:
        if c["data_type"] not in ARROW_TYPES:
            raise ValueError(f"unknown data type {c['data_type']!r}")
        default = c.get("default_value")
        cols.append(
            Column(
                c["column_name"],
                c["data_type"],
                default if default not in (None, "") else None,
                bool(c.get("nullable", False)),
                bool(c.get("optional", False)),
            )
        )
    return cols


def arrow_schema(template: list[Column]) -> pa.Schema:
    return pa.schema([pa.field(c.name, c.arrow_type, nullable=True) for c in template])


def _cast_bisect(values: pa.Array, typ: pa.DataType) -> tuple[pa.Array, list[int]]:
    """Casts, isolating the values that fail by bisection: O(bad * log n) casts instead of one per value."""
    try:
        return pc.cast(values, typ), []
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        if len(values) == 1:
            return pa.nulls(1, typ), [0]
        mid = len(values) // 2
        left, bad_l = _cast_bisect(values.slice(0, mid), typ)
        right, bad_r = _cast_bisect(values.slice(mid), typ)
        return pa.concat_arrays([left, right]), bad_l + [mid + i for i in bad_r]


def convert(values: pa.Array, data_type: str) -> tuple[pa.Array, np.ndarray]:
    """Typed array (null where empty or invalid) and a mask of the non-null values that are not of the type."""
    n = len(values)
    present = pc.is_valid(values)
    if data_type == "String":
        return values, np.zeros(n, dtype=bool)
    if data_type == "Boolean":
        low = pc.utf8_lower(values)
        is_true = pc.is_in(low, value_set=pa.array(["true", "1"]))
        is_false = pc.is_in(low, value_set=pa.array(["false", "0"]))
        ok = pc.or_(is_true, is_false)
        typed = pc.if_else(ok, is_true, pa.scalar(None, pa.bool_()))
        bad = pc.and_(present, pc.invert(ok)).to_numpy(zero_copy_only=False)
        return typed, np.asarray(bad, dtype=bool)
    # Fast path, the common case of a clean column: one strict cast of the whole batch.
    try:
        typed = pc.cast(values, ARROW_TYPES[data_type])
        # Arrow's cast accepts "nan"/"inf" spellings that the Float rule does not: they show up as non-finite.
        if data_type != "Float" or bool(pc.all(pc.fill_null(pc.is_finite(typed), True)).as_py()):
            return typed, np.zeros(n, dtype=bool)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    values = pc.utf8_trim_whitespace(values)
    pattern = {"Integer": INTEGER_RE, "Float": FLOAT_RE, "Date": DATE_RE, "DateTime": DATETIME_RE}[data_type]
    matches = pc.fill_null(pc.match_substring_regex(values, pattern), False)
    candidates = pc.if_else(matches, values, pa.scalar(None, pa.string()))
    if data_type == "DateTime":
        candidates = _normalize_datetime(candidates)
    typed, failed = _cast_bisect(candidates, ARROW_TYPES[data_type])
    bad = np.asarray(pc.and_(present, pc.invert(matches)).to_numpy(zero_copy_only=False), dtype=bool)
    if failed:
        bad[np.asarray(failed)] = True
    return typed, bad


def convert_columns(values: pa.Array, data_type: str, n_columns: int) -> list[tuple[pa.Array, np.ndarray]]:
    """`convert` of each of `n_columns` equal-length columns laid end to end in `values`, with the same result
    as one call per column, but one kernel call for all of them in the common case of clean columns (a wide
    file's 10,000 columns cost 10,000 times the per-call overhead otherwise)."""
    n = len(values) // n_columns if n_columns else 0
    parts = [values.slice(j * n, n) for j in range(n_columns)]
    if n_columns > 1 and data_type not in ("String", "Boolean"):
        # The per-column fast path (one strict cast) succeeds for every column exactly when it succeeds for all
        # of them at once; otherwise each column takes its own path, as before.
        try:
            typed = pc.cast(values, ARROW_TYPES[data_type])
            if data_type != "Float" or bool(pc.all(pc.fill_null(pc.is_finite(typed), True)).as_py()):
                return [(typed.slice(j * n, n), np.zeros(n, dtype=bool)) for j in range(n_columns)]
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            pass
        return [convert(part, data_type) for part in parts]
    # String and Boolean rules are value by value: one call is the same as one per column.
    typed, bad = convert(values, data_type)
    return [(typed.slice(j * n, n), bad[j * n : (j + 1) * n]) for j in range(n_columns)]


def _normalize_datetime(v: pa.Array) -> pa.Array:
    v = pc.utf8_upper(v)  # t/z -> T/Z
    v = pc.replace_substring_regex(v, r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(Z|[+-]|$)", r"\1T\2:00\3")
    v = pc.replace_substring_regex(v, r"(\.\d{6})\d+", r"\1")  # microsecond precision
    v = pc.replace_substring_regex(v, r"([+-]\d{2})(\d{2})$", r"\1:\2")
    has_zone = pc.fill_null(pc.match_substring_regex(v, r"(Z|[+-]\d{2}:\d{2})$"), True)
    return pc.if_else(has_zone, v, pc.binary_join_element_wise(v, pa.scalar("Z"), ""))
