"""Settings a job reads from its environment (set by the submitting activity from the platform config)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

# The widest CSV file (or template) a validation accepts (DATAML_VALIDATE_MAX_COLUMNS); a wider one gets a
# `too_many_columns` report instead of being read.
DEFAULT_VALIDATE_MAX_COLUMNS = 10_000


@dataclass(frozen=True)
class Settings:
    temporal_address: str
    temporal_namespace: str
    s3_endpoint: str
    s3_region: str
    s3_access_key_id: str
    s3_secret_access_key: str
    s3_bucket: str
    iceberg_uri: str
    iceberg_warehouse: str
    iceberg_credential: str
    validate_max_columns: int = DEFAULT_VALIDATE_MAX_COLUMNS

    @classmethod
    def from_env(cls, job: str | None = None) -> Settings:
        # DATAML_SECRETS_FILE: a JSON file on the Ray node with the credentials, so that they are not among the
        # job's environment variables, which the Ray dashboard shows. Its values win over the variables. `job`
        # (the job type, e.g. "train") picks the job's own least-privilege section (see _secrets_file).
        e = {**os.environ, **_secrets_file(os.environ.get("DATAML_SECRETS_FILE"), job)}
        return cls(
            temporal_address=e.get("DATAML_TEMPORAL_ADDRESS", "127.0.0.1:7233"),
            temporal_namespace=e.get("DATAML_TEMPORAL_NAMESPACE", "default"),
            s3_endpoint=e.get("DATAML_S3_ENDPOINT", "http://127.0.0.1:8333"),
            s3_region=e.get("DATAML_S3_REGION", "us-east-1"),
            s3_access_key_id=e.get("DATAML_S3_ACCESS_KEY_ID", "dataml"),
            s3_secret_access_key=e.get("DATAML_S3_SECRET_ACCESS_KEY", "dataml-secret"),
            s3_bucket=e.get("DATAML_S3_BUCKET", "dataml-files"),
            iceberg_uri=e.get("DATAML_ICEBERG_URI", "http://127.0.0.1:8181"),
            iceberg_warehouse=e.get("DATAML_ICEBERG_WAREHOUSE", "s3://dataml-lake/"),
            iceberg_credential=e.get("DATAML_ICEBERG_CREDENTIAL", "dataml:dataml-secret"),
            validate_max_columns=int(e.get("DATAML_VALIDATE_MAX_COLUMNS") or DEFAULT_VALIDATE_MAX_COLUMNS),
        )


_SECRET_VARIABLES = {
    "s3_access_key_id": "DATAML_S3_ACCESS_KEY_ID",
    "s3_secret_access_key": "DATAML_S3_SECRET_ACCESS_KEY",
    "iceberg_credential": "DATAML_ICEBERG_CREDENTIAL",
}


class MissingJobCredentials(Exception):
    """The secrets file has per-job sections but none for this job: it fails rather than run with other keys."""


def _secrets_file(path: str | None, job: str | None) -> dict[str, str]:
    """The credentials of `job`: `{"jobs": {<job>: {s3_access_key_id, s3_secret_access_key, iceberg_credential}}}`
    (one SeaweedFS identity per job group, config/s3-job-access.ts); a file without a `jobs` section (Compose or
    Kubernetes secrets written before it) gives its flat keys to every job."""
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    sections = data.get("jobs")
    if job is not None and isinstance(sections, dict):
        if not isinstance(sections.get(job), dict):
            raise MissingJobCredentials(f"{path} has no credentials for the job type {job!r} (jobs.{job})")
        data = sections[job]
    return {var: str(data[key]) for key, var in _SECRET_VARIABLES.items() if data.get(key)}
