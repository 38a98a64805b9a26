"""Reads an Iceberg table through the catalog, independently of the job that wrote it (test helper).
Prints JSON: rows, sum of `value`, the current snapshot id (string) and the number of snapshots."""

import json
import sys

from dataml_jobs.common.catalog import open_catalog
from dataml_jobs.common.settings import Settings

table = open_catalog(Settings.from_env()).load_table(sys.argv[1])
data = table.scan().to_arrow()
snap = table.current_snapshot()
print(
    json.dumps(
        {
            "rows": data.num_rows,
            "sum": float(sum(v for v in data.column("value").to_pylist())) if "value" in data.column_names else None,
            "ids": sorted(data.column("id").to_pylist()) if "id" in data.column_names else None,
            "snapshot_id": str(snap.snapshot_id) if snap else None,
            "snapshots": len(table.snapshots()),
        }
    )
)
