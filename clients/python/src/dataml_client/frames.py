"""pandas in and out: template columns from a DataFrame, rows as JSON values, CSV for uploads."""

from __future__ import annotations

import math
import tempfile
from collections.abc import Mapping
from datetime import date, datetime
from typing import IO, Any

import pandas as pd
from pandas.api import types as ptypes


def template_columns(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The template of a DataFrame: one column per frame column, typed from its dtype, nullable when it has NaN."""
    columns = []
    for name in frame.columns:
        series = frame[name]
        if ptypes.is_bool_dtype(series):
            data_type = "Boolean"
        elif ptypes.is_integer_dtype(series):
            data_type = "Integer"
        elif ptypes.is_float_dtype(series):
            data_type = "Float"
        elif ptypes.is_datetime64_any_dtype(series):
            values = series.dropna()
            midnight = values.dt.tz is None and bool((values == values.dt.normalize()).all())
            data_type = "Date" if midnight else "DateTime"
        else:
            data_type = "String"
        columns.append({"column_name": str(name), "data_type": data_type, "nullable": bool(series.isna().any())})
    return columns


def json_value(value: Any) -> Any:
    """A cell as JSON: NaN/NaT/None → null, numpy scalars → Python, timestamps and dates → ISO text."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalar
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() and value.tz is None else value.isoformat()
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def row_values(row: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k): json_value(v) for k, v in row.items()}


def csv_file(frame: pd.DataFrame) -> IO[bytes]:
    """The frame as CSV in a temporary file (deleted when closed), so that the upload streams it from disk."""
    frame = frame.copy(deep=False)
    for column in template_columns(frame):
        name = column["column_name"]
        if column["data_type"] == "Date":  # the template's Date wants YYYY-MM-DD, not a midnight timestamp
            frame[name] = frame[name].dt.strftime("%Y-%m-%d")
        elif column["data_type"] == "DateTime":
            frame[name] = frame[name].map(lambda v: None if pd.isna(v) else v.isoformat())
    out = tempfile.TemporaryFile()  # noqa: SIM115 -- returned open; the caller closes it after the upload
    frame.to_csv(out, index=False, lineterminator="\n")
    out.seek(0)
    return out
