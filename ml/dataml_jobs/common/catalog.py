"""Iceberg catalog access (pyiceberg REST catalog; data files in S3) and idempotent commits."""

from __future__ import annotations

import random
import time

import pyarrow as pa
from pyiceberg.catalog import Catalog, load_catalog
from pyiceberg.exceptions import (
    CommitFailedException,
    NamespaceAlreadyExistsError,
    NoSuchTableError,
    TableAlreadyExistsError,
)
from pyiceberg.table import Table

from .settings import Settings

NAMESPACES = ("bronze", "silver", "gold", "default")
COMMIT_KEY = "dataml.commit-key"


def file_commit_key(file_id: int) -> str:
    """The commit key of one validated file's rows, also the prefix of the data files that hold them."""
    return f"file-{file_id}"


def open_catalog(settings: Settings) -> Catalog:
    return load_catalog(
        "dataml",
        **{
            "type": "rest",
            "uri": settings.iceberg_uri,
            "warehouse": settings.iceberg_warehouse,
            "credential": settings.iceberg_credential,
            "s3.endpoint": settings.s3_endpoint,
            "s3.region": settings.s3_region,
            "s3.access-key-id": settings.s3_access_key_id,
            "s3.secret-access-key": settings.s3_secret_access_key,
            "s3.path-style-access": "true",
        },
    )


def ensure_namespace(catalog: Catalog, namespace: str) -> None:
    try:
        catalog.create_namespace(namespace)
    except NamespaceAlreadyExistsError:
        pass


def ensure_table(catalog: Catalog, identifier: str, schema: pa.Schema) -> Table:
    ensure_namespace(catalog, identifier.split(".")[0])
    try:
        return catalog.load_table(identifier)
    except NoSuchTableError:
        pass
    try:
        return catalog.create_table(identifier, schema=schema)
    except TableAlreadyExistsError:
        return catalog.load_table(identifier)


def find_commit(table: Table, commit_key: str) -> int | None:
    """The snapshot an earlier attempt committed under this key, if any."""
    for snap in table.snapshots():
        summary = snap.summary
        if summary is not None and summary.get(COMMIT_KEY) == commit_key:
            return snap.snapshot_id
    return None


def append_once(table: Table, data: pa.Table, commit_key: str) -> int:
    """Appends `data` in one commit tagged with `commit_key`; a retry with the same key appends nothing.

    Returns the snapshot id of the commit (the earlier one on a retry).
    """
    existing = find_commit(table, commit_key)
    if existing is not None:
        return existing
    table.append(data, snapshot_properties={COMMIT_KEY: commit_key})
    table.refresh()
    snap = find_commit(table, commit_key)
    if snap is None:  # pragma: no cover - the catalog lost our commit
        raise RuntimeError(f"commit {commit_key} is missing from {table.name()}")
    return snap


def add_files_once(table: Table, paths: list[str], commit_key: str, attempts: int = 8) -> int:
    """One commit adding `paths`, tagged with `commit_key`; retried on concurrent commits to the same table."""
    for attempt in range(attempts):
        existing = find_commit(table, commit_key)
        if existing is not None:
            return existing
        try:
            table.add_files(paths, snapshot_properties={COMMIT_KEY: commit_key})
        except CommitFailedException:
            if attempt == attempts - 1:
                raise
            # Another file of the same table committed first: back off (jittered) and try on its snapshot.
            time.sleep(0.2 + random.random() * (attempt + 1))
            table.refresh()
            continue
        table.refresh()
        snap = find_commit(table, commit_key)
        if snap is None:  # pragma: no cover
            raise RuntimeError(f"commit {commit_key} is missing from {table.name()}")
        return snap
    raise RuntimeError("unreachable")


def delete_data_files_once(table: Table, markers: tuple[str, ...], commit_key: str) -> tuple[int, int | None]:
    """Removes, in one commit tagged with `commit_key`, the data files whose path contains one of `markers`.

    Returns (files removed, snapshot id): (0, earlier snapshot) when the commit was already made, (0, None)
    when no file matches."""
    done = find_commit(table, commit_key)
    if done is not None:
        return 0, done
    victims = [task.file for task in table.scan().plan_files() if any(m in task.file.file_path for m in markers)]
    if not victims:
        return 0, None
    with table.transaction() as tx:
        with tx.update_snapshot(snapshot_properties={COMMIT_KEY: commit_key}).overwrite() as overwrite:
            for data_file in victims:
                overwrite.delete_data_file(data_file)
    table.refresh()
    return len(victims), find_commit(table, commit_key)
