"""Reads platform tables from outside the platform, as a data engineer would: plain pyiceberg and DuckDB's iceberg
extension, both through the Iceberg REST catalog, with no import of dataml_jobs (test helper for lake interop).

Argument: a JSON object {catalog_uri, warehouse, client_id, client_secret, s3_endpoint, s3_region, tables: [...]}.
The S3 key pair is the catalog's OAuth2 client (SeaweedFS's catalog authenticates with S3 identities).
Prints one JSON line: per table and per reader, the row count, the column names and a digest of the rows
(each row's values normalized to text, rows sorted), so that two readers agree exactly or not at all.
"""

import datetime as dt
import decimal
import hashlib
import json
import sys
from pathlib import Path

import duckdb
from pyiceberg.catalog import load_catalog


def normalize(v: object) -> str:
    if v is None:
        return "null"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, dt.datetime):
        # DuckDB answers timestamptz in its session time zone; compare instants in UTC.
        return (v.astimezone(dt.UTC) if v.tzinfo else v).replace(tzinfo=None).isoformat()
    if isinstance(v, (dt.date, dt.time, decimal.Decimal)):
        return str(v)
    return json.dumps(v, default=str)


def summary(columns: list[str], rows: list[tuple]) -> dict:
    lines = sorted("\x1f".join(normalize(v) for v in r) for r in rows)
    return {
        "rows": len(rows),
        "columns": columns,
        "digest": hashlib.sha256("\n".join(lines).encode()).hexdigest(),
        "sample": lines[:3],
    }


def read_pyiceberg(cfg: dict, identifier: str) -> dict:
    catalog = load_catalog(
        "external",
        **{
            "type": "rest",
            "uri": cfg["catalog_uri"],
            "warehouse": cfg["warehouse"],
            "credential": f"{cfg['client_id']}:{cfg['client_secret']}",
            "s3.endpoint": cfg["s3_endpoint"],
            "s3.region": cfg["s3_region"],
            "s3.access-key-id": cfg["client_id"],
            "s3.secret-access-key": cfg["client_secret"],
            "s3.path-style-access": "true",
        },
    )
    data = catalog.load_table(identifier).scan().to_arrow()
    columns = data.column_names
    return summary(columns, [tuple(r[c] for c in columns) for r in data.to_pylist()])


def duckdb_connection(cfg: dict) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    # Extensions from PyPI (duckdb-ext-*): installing them from DuckDB's site needs the internet.
    ext_dir = Path(__import__("duckdb_ext").__path__[0]) / "extensions" / f"v{duckdb.__version__}" / "linux_amd64"
    for name in ("httpfs", "avro", "iceberg"):
        con.load_extension(str(ext_dir / f"{name}.duckdb_extension"))
    endpoint = cfg["s3_endpoint"].removeprefix("http://").removeprefix("https://")
    con.execute(
        "CREATE SECRET lake_s3 (TYPE s3, KEY_ID ?, SECRET ?, ENDPOINT ?, URL_STYLE 'path', USE_SSL ?, REGION ?)",
        [cfg["client_id"], cfg["client_secret"], endpoint, cfg["s3_endpoint"].startswith("https://"), cfg["s3_region"]],
    )
    con.execute(
        "CREATE SECRET lake_catalog (TYPE iceberg, CLIENT_ID ?, CLIENT_SECRET ?, OAUTH2_SERVER_URI ?,"
        " OAUTH2_SCOPE 'catalog')",
        [cfg["client_id"], cfg["client_secret"], cfg["catalog_uri"].rstrip("/") + "/v1/oauth/tokens"],
    )
    warehouse = cfg["warehouse"].removeprefix("s3://").rstrip("/")
    con.execute(f"ATTACH '{warehouse}' AS lake (TYPE iceberg, ENDPOINT '{cfg['catalog_uri']}', SECRET lake_catalog)")
    return con


def read_duckdb(con: duckdb.DuckDBPyConnection, identifier: str) -> dict:
    namespace, table = identifier.split(".", 1)
    rel = con.sql(f'SELECT * FROM lake."{namespace}"."{table}"')
    return summary(rel.columns, rel.fetchall())


def main() -> None:
    cfg = json.loads(sys.argv[1])
    con = duckdb_connection(cfg)
    out = {t: {"pyiceberg": read_pyiceberg(cfg, t), "duckdb": read_duckdb(con, t)} for t in cfg["tables"]}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
