"""Real-time 9.1 inputs sampled by the API (buffered in Postgres, exported by the drift run's first activity as a
JSON-lines object) appended to the version's gold Iceberg table, typed like its training features."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyiceberg.catalog import Catalog
from pyiceberg.expressions import And, GreaterThanOrEqual, LessThanOrEqual
from pyiceberg.table import Table

from ..common.catalog import append_once, ensure_table
from ..inference.model import LoadedModel

SAMPLED_AT = "sampled_at"
SAMPLE_ID = "sample_id"


def _arrow_type(data_type: str) -> pa.DataType:
    return {
        "Integer": pa.int64(),
        "Float": pa.float64(),
        "Boolean": pa.bool_(),
        "Date": pa.timestamp("us"),
        "DateTime": pa.timestamp("us"),
    }.get(data_type, pa.string())


def samples_schema(model: LoadedModel) -> pa.Schema:
    return pa.schema(
        [pa.field(SAMPLE_ID, pa.int64()), pa.field(SAMPLED_AT, pa.timestamp("us", tz="UTC"))]
        + [pa.field(f.name, _arrow_type(f.data_type)) for f in model.features]
    )


def samples_table(model: LoadedModel, jsonl: bytes) -> pa.Table:
    """Rows {id, sampled_at, features} as the gold table's columns (a value the type cannot hold becomes null)."""
    rows = [json.loads(line) for line in jsonl.splitlines() if line.strip()]
    schema = samples_schema(model)
    raw = pd.DataFrame([r.get("features") or {} for r in rows])
    typed = model.frame(raw)
    cols: dict[str, pa.Array] = {
        SAMPLE_ID: pa.array([int(r["id"]) for r in rows], type=pa.int64()),
        SAMPLED_AT: pa.array(
            [datetime.fromisoformat(r["sampled_at"]).astimezone(UTC) for r in rows], type=pa.timestamp("us", tz="UTC")
        ),
    }
    for f in model.features:
        s = typed[f.name]
        if f.data_type == "String":
            cols[f.name] = pa.array([v if v != "" else None for v in s.tolist()], type=pa.string())
        else:
            cols[f.name] = pa.array(s, from_pandas=True).cast(schema.field(f.name).type, safe=False)
    return pa.table(cols, schema=schema)


def append_samples(catalog: Catalog, identifier: str, model: LoadedModel, jsonl: bytes, commit_key: str) -> Table:
    """Appends the exported rows once (a retried run finds its commit); returns the table."""
    table = ensure_table(catalog, identifier, samples_schema(model))
    data = samples_table(model, jsonl)
    if data.num_rows:
        data = _not_yet_stored(table, data)
    if data.num_rows:
        append_once(table, data, commit_key)
    return table


def _not_yet_stored(table: Table, data: pa.Table) -> pa.Table:
    """Without the rows whose sample id the table holds: a run that failed after its append released its samples,
    and the next run exports them again (the id range prunes the scan to the files that may hold them)."""
    ids = data.column(SAMPLE_ID)
    lo, hi = pc.min(ids).as_py(), pc.max(ids).as_py()
    stored = table.scan(
        row_filter=And(GreaterThanOrEqual(SAMPLE_ID, lo), LessThanOrEqual(SAMPLE_ID, hi)), selected_fields=(SAMPLE_ID,)
    ).to_arrow()
    if not stored.num_rows:
        return data
    return data.filter(pc.invert(pc.is_in(ids, value_set=stored.column(SAMPLE_ID))))
