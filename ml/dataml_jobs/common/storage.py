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
