"""Settings read the credentials from DATAML_SECRETS_FILE when the job is given one (not its environment)."""

import json

import pytest

from dataml_jobs.common.settings import MissingJobCredentials, Settings


def test_credentials_come_from_the_secrets_file(tmp_path, monkeypatch):
    secrets = tmp_path / "job-secrets.json"
    secrets.write_text(
        json.dumps({"s3_access_key_id": "k1", "s3_secret_access_key": "s1", "iceberg_credential": "k1:s1"})
    )
    monkeypatch.setenv("DATAML_SECRETS_FILE", str(secrets))
    monkeypatch.delenv("DATAML_S3_SECRET_ACCESS_KEY", raising=False)
    monkeypatch.setenv("DATAML_S3_BUCKET", "b")
    s = Settings.from_env()
    assert (s.s3_access_key_id, s.s3_secret_access_key, s.iceberg_credential, s.s3_bucket) == ("k1", "s1", "k1:s1", "b")


def test_without_a_file_the_environment_is_used(monkeypatch):
    monkeypatch.delenv("DATAML_SECRETS_FILE", raising=False)
    monkeypatch.setenv("DATAML_S3_SECRET_ACCESS_KEY", "from-env")
    assert Settings.from_env().s3_secret_access_key == "from-env"


def _sections_file(tmp_path, monkeypatch, body):
    secrets = tmp_path / "job-secrets.json"
    secrets.write_text(json.dumps(body))
    monkeypatch.setenv("DATAML_SECRETS_FILE", str(secrets))
    monkeypatch.delenv("DATAML_S3_ACCESS_KEY_ID", raising=False)
    monkeypatch.delenv("DATAML_S3_SECRET_ACCESS_KEY", raising=False)


def test_a_job_reads_only_its_own_section(tmp_path, monkeypatch):
    _sections_file(
        tmp_path,
        monkeypatch,
        {
            "jobs": {
                "train": {"s3_access_key_id": "kt", "s3_secret_access_key": "st", "iceberg_credential": "kt:st"},
                "validate": {"s3_access_key_id": "kv", "s3_secret_access_key": "sv", "iceberg_credential": "kv:sv"},
            }
        },
    )
    s = Settings.from_env("train")
    assert (s.s3_access_key_id, s.s3_secret_access_key, s.iceberg_credential) == ("kt", "st", "kt:st")
    assert Settings.from_env("validate").s3_access_key_id == "kv"


def test_a_job_without_a_section_fails_rather_than_borrow_other_keys(tmp_path, monkeypatch):
    _sections_file(
        tmp_path,
        monkeypatch,
        {"jobs": {"train": {"s3_access_key_id": "kt", "s3_secret_access_key": "st", "iceberg_credential": "kt:st"}}},
    )
    with pytest.raises(MissingJobCredentials, match="'predict'"):
        Settings.from_env("predict")


def test_a_flat_file_serves_every_job(tmp_path, monkeypatch):
    # Compose/Kubernetes secrets written before the per-job sections: one key for all jobs, as before.
    _sections_file(
        tmp_path, monkeypatch, {"s3_access_key_id": "k1", "s3_secret_access_key": "s1", "iceberg_credential": "k1:s1"}
    )
    assert Settings.from_env("train").s3_access_key_id == "k1"
    assert Settings.from_env().s3_secret_access_key == "s1"
