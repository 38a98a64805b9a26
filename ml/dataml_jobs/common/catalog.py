"""Iceberg catalog access (pyiceberg REST catalog; data files in S3) and idempotent commits."""
from __future__ import annotations

import pyarrow as pa
from pyiceberg.catalog import Catalog, load_catalog
from pyiceberg.exceptions import NamespaceAlreadyExistsError, NoSuchTableError, TableAlreadyExistsError
from pyiceberg.table import Table

from .settings import Settings

NAMESPACES = ("bronze", "silver", "gold", "default")
COMMIT_KEY = "dataml.commit-key"


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
