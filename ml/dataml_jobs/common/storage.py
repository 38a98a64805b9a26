"""S3 access for jobs (model artifacts under tenants/<tenant>/models/...)."""
from __future__ import annotations

import hashlib

import boto3
from botocore.config import Config as BotoConfig

from .settings import Settings


def s3_client(settings: Settings):
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
