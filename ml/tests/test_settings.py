"""Settings read the credentials from DATAML_SECRETS_FILE when the job is given one (not its environment)."""

import json

from dataml_jobs.common.settings import Settings


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
