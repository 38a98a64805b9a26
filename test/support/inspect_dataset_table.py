"""Reads a dataset's Iceberg table through the catalog, independently of the job that wrote it (test helper).
Prints JSON: exists, rows (as JSON-able dicts, sorted as stored), column types, current snapshot id, snapshot ids."""

import datetime as dt
import json
import sys

from pyiceberg.exceptions import NoSuchTableError

from dataml_jobs.common.catalog import open_catalog
from dataml_jobs.common.settings import Settings


def plain(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v


try:
    table = open_catalog(Settings.from_env()).load_table(sys.argv[1])
except NoSuchTableError:
    print(json.dumps({"exists": False}))
    sys.exit(0)
try:
    data = table.scan().to_arrow()
except (OSError, FileNotFoundError) as exc:
    # The table is being dropped (its files go before its catalog entry): report it as still there,
    # without rows, so that a caller polling for its disappearance polls again.
    print(
        json.dumps(
            {"exists": True, "rows": [], "types": {}, "snapshot_id": None, "snapshot_ids": [], "error": str(exc)}
        )
    )
    sys.exit(0)
snap = table.current_snapshot()
print(
    json.dumps(
        {
            "exists": True,
            "rows": [{k: plain(v) for k, v in r.items()} for r in data.to_pylist()],
            "types": {f.name: str(f.field_type) for f in table.schema().fields},
            "snapshot_id": str(snap.snapshot_id) if snap else None,
            "snapshot_ids": [str(s.snapshot_id) for s in table.snapshots()],
        }
    )
)
