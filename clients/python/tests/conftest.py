"""Integration tests need a running API: DATAML_URL, DATAML_USERNAME, DATAML_PASSWORD (test/clients/python-sdk.test.ts
sets them under `npm test`). Without them those tests are skipped with that reason; the unit tests always run."""

from __future__ import annotations

import os
import time

import pytest
from dataml_client import Client

URL = os.environ.get("DATAML_URL")
needs_api = pytest.mark.skipif(not URL, reason="DATAML_URL is not set (run through npm test)")


def uniq(prefix: str) -> str:
    return f"{prefix}{time.time_ns():x}"


@pytest.fixture(scope="session")
def dm():
    with Client(URL, os.environ["DATAML_USERNAME"], os.environ["DATAML_PASSWORD"], progress=False) as client:
        yield client
