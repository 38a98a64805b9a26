"""Removes deleted data from the datalake: the rows of deleted files (7.4), or a deleted dataset's table (6.4).

Input: {table: "silver.<name>", fileIds?: [int]}. Output: {table, dropped, removed_files, snapshot_id}.
A file's rows live in the Parquet files that validate.py spilled under `<location>/data/file-<id>-…`; they are
removed in one commit (keyed, so a retry does nothing twice). Without fileIds the table is dropped and purged.
"""

from __future__ import annotations

import sys
from typing import Any

from pyiceberg.exceptions import NoSuchTableError

from ..common.catalog import delete_data_files_once, file_commit_key, open_catalog
from ..common.runner import run_job
from ..common.settings import Settings
from ..common.spill import data_file_marker


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
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
    # The validate job spills (and commits) a file's rows under the prefix of its commit key, `file-<id>`.
    markers = tuple(data_file_marker(file_commit_key(i)) for i in file_ids)
    key = "delete-" + "-".join(file_commit_key(i) for i in sorted(file_ids))
    removed, snapshot_id = delete_data_files_once(table, markers, key)
    return {
        "table": identifier,
        "dropped": False,
        "removed_files": removed,
        "snapshot_id": str(snapshot_id) if snapshot_id is not None else None,
    }


if __name__ == "__main__":
    sys.exit(run_job(main))
