"""The fair peer of `npm run bench -- upload` (run by bench/upload.ts with the ml venv, after the same file was
uploaded to the same store with the AWS SDK's managed uploader): what a user would script by hand to get a CSV
in S3 into an Iceberg table — pyarrow reads the object, pyiceberg creates the table and appends it.

    peer_ingest.py <bucket> <key> <namespace.table>     prints JSON {seconds, rows, read_s, append_s}

Store and catalog come from the DATAML_* environment (the Ray jobs' own settings). The CSV's columns are read
with their types (the id column as text: the generated file has a few non-numeric ids, which the platform
reports as invalid rows, and which would make a typed read fail).
"""

from __future__ import annotations

import json
import sys
import time

import pyarrow as pa
import pyarrow.csv as pacsv

from dataml_jobs.common.catalog import ensure_namespace, open_catalog
from dataml_jobs.common.settings import Settings
from dataml_jobs.common.storage import arrow_s3

TYPES = {
    "id": pa.string(),
    "customer": pa.string(),
    "amount": pa.float64(),
    "active": pa.bool_(),
    "day": pa.date32(),
    "note": pa.string(),
}


def main(bucket: str, key: str, identifier: str) -> None:
    started = time.perf_counter()
    settings = Settings.from_env()
    with arrow_s3(settings).open_input_stream(f"{bucket}/{key}") as raw:
        data = pacsv.read_csv(raw, convert_options=pacsv.ConvertOptions(column_types=TYPES))
    read = time.perf_counter()
    catalog = open_catalog(settings)
    ensure_namespace(catalog, identifier.split(".")[0])
    table = catalog.create_table(identifier, schema=data.schema)
    table.append(data)
    done = time.perf_counter()
    print(
        json.dumps(
            {"seconds": done - started, "rows": data.num_rows, "read_s": read - started, "append_s": done - read}
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
