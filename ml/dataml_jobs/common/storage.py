"""S3 access for jobs (model artifacts under tenants/<tenant>/models/...)."""

from __future__ import annotations

import hashlib
import threading

from .settings import Settings

_clients: dict[Settings, object] = {}
_clients_lock = threading.Lock()


def s3_client(settings: Settings):
    """One client per settings for the process (creating a boto3 client costs ~0.1-0.3 s; clients are thread-safe)."""
    with _clients_lock:
        client = _clients.get(settings)
        if client is None:
            client = _clients[settings] = _new_client(settings)
        return client


def _new_client(settings: Settings):
    # Imported here, not at import time: a job's start does not wait for it.
    import boto3
    from botocore.config import Config as BotoConfig

    return boto3.client(
        "s3",
        endpoint_url=settings.s3_endpoint,
        region_name=settings.s3_region,
        aws_access_key_id=settings.s3_access_key_id,
        aws_secret_access_key=settings.s3_secret_access_key,
        config=BotoConfig(s3={"addressing_style": "path"}, retries={"max_attempts": 5}),
    )


def put_bytes(settings: Settings, key: str, data: bytes, content_type: str = "application/octet-stream") -> dict:
    s3_client(settings).put_object(Bucket=settings.s3_bucket, Key=key, Body=data, ContentType=content_type)
    return {"key": key, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def get_bytes(settings: Settings, key: str) -> bytes:
    return s3_client(settings).get_object(Bucket=settings.s3_bucket, Key=key)["Body"].read()


def arrow_s3(settings: Settings):
    """pyarrow's S3 filesystem (streams, random access, read-ahead in C++) for the same store."""
    import pyarrow.fs as pafs

    scheme, _, host = settings.s3_endpoint.partition("://")
    return pafs.S3FileSystem(
        endpoint_override=host or scheme,
        scheme=scheme if host else "http",
        access_key=settings.s3_access_key_id,
        secret_key=settings.s3_secret_access_key,
        region=settings.s3_region,
    )


def put_table_csv(settings: Settings, bucket: str, key: str, table) -> int:
    """Writes `table` as CSV to s3://bucket/key (overwriting); returns the object's size."""
    import pyarrow.csv as pacsv

    s3 = arrow_s3(settings)
    with s3.open_output_stream(f"{bucket}/{key}") as out:
        pacsv.write_csv(table, out)
    return int(s3.get_file_info(f"{bucket}/{key}").size)
