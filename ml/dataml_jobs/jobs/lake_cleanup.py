"""Removes deleted data from the datalake: the rows of deleted files (7.4), or a deleted dataset's table (6.4).

Input: {table: "silver.<name>", fileIds?: [int]}. Output: {table, dropped, removed_files, snapshot_id}.
A file's rows live in the Parquet files that validate.py wrote under `<location>/data/file-<id>-…`; they are
removed in one commit (keyed, so a retry does nothing twice). Without fileIds the table is dropped and purged.
"""
from __future__ import annotations

import sys
from typing import Any

from ..common.catalog import COMMIT_KEY, find_commit, open_catalog
from ..common.runner import run_job
from ..common.settings import Settings


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
    from pyiceberg.exceptions import NoSuchTableError

    catalog = open_catalog(settings)
    identifier = job["table"]
    file_ids = job.get("fileIds")
    if not file_ids:
        try:
            catalog.purge_table(identifier)
            dropped = True
        except NoSuchTableError:
            dropped = False
        return {"table": identifier, "dropped": dropped, "removed_files": 0, "snapshot_id": None}

    try:
        table = catalog.load_table(identifier)
    except NoSuchTableError:
        return {"table": identifier, "dropped": False, "removed_files": 0, "snapshot_id": None}
    key = "delete-" + "-".join(f"file-{i}" for i in sorted(file_ids))
    done = find_commit(table, key)
    if done is not None:
        return {"table": identifier, "dropped": False, "removed_files": 0, "snapshot_id": str(done)}
    markers = tuple(f"/data/file-{i}-" for i in file_ids)
    victims = [task.file for task in table.scan().plan_files() if any(m in task.file.file_path for m in markers)]
    if not victims:
        return {"table": identifier, "dropped": False, "removed_files": 0, "snapshot_id": None}
    with table.transaction() as tx:
        with tx.update_snapshot(snapshot_properties={COMMIT_KEY: key}).overwrite() as overwrite:
            for data_file in victims:
                overwrite.delete_data_file(data_file)
    table.refresh()
    snap = find_commit(table, key)
    return {"table": identifier, "dropped": False, "removed_files": len(victims),
            "snapshot_id": str(snap) if snap is not None else None}


if __name__ == "__main__":
    sys.exit(run_job(main))
