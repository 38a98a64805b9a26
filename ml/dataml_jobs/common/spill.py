"""Writes rows to Parquet files in an Iceberg table's data folder, for a later `add_files` commit."""

from __future__ import annotations

import queue
import threading
import uuid
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq


def data_file_marker(prefix: str) -> str:
    """The part of a spilled file's path that names its prefix (lake cleanup finds a file's rows by it)."""
    return f"/data/{prefix}-"


class ParquetSpill:
    """Writes valid rows to Parquet files in the table's data folder, rolling every `rows_per_file` rows.

    Encoding and uploading run on one background thread (pyarrow releases the GIL), so they overlap the
    parsing and checking of the next batches; at most two batches of 250,000 rows wait for it."""

    def __init__(self, io_: Any, location: str, prefix: str, schema: pa.Schema, rows_per_file: int = 2_000_000):
        self.io = io_
        self.location = location.rstrip("/")
        self.prefix = prefix
        self.schema = schema
        self.rows_per_file = rows_per_file
        self.paths: list[str] = []
        self._writer: pq.ParquetWriter | None = None
        self._stream: Any = None
        self._rows = 0
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._queue: queue.Queue[pa.Table | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="parquet-spill", daemon=True)
        self._thread.start()

    def __call__(self, table: pa.Table) -> None:
        self._raise_if_failed()
        self._pending.append(table)
        self._pending_rows += table.num_rows
        if self._pending_rows >= 250_000:
            self._flush()

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error

    def _flush(self) -> None:
        if not self._pending:
            return
        data = pa.concat_tables(self._pending)
        self._pending, self._pending_rows = [], 0
        self._queue.put(data)

    def _run(self) -> None:
        while True:
            data = self._queue.get()
            if data is None:
                return
            if self._error is not None:
                continue  # drain after a failure; the caller sees the error
            try:
                self._write(data)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                self._error = exc

    def _write(self, data: pa.Table) -> None:
        if self._writer is None:
            marker = data_file_marker(self.prefix)
            path = f"{self.location}{marker}{len(self.paths):05d}-{uuid.uuid4().hex[:8]}.parquet"
            self._stream = self.io.new_output(path).create(overwrite=True)
            self._writer = pq.ParquetWriter(self._stream, self.schema)
            self.paths.append(path)
        self._writer.write_table(data, row_group_size=250_000)
        self._rows += data.num_rows
        if self._rows >= self.rows_per_file:
            self._close_file()

    def _close_file(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._stream.close()
        self._writer, self._stream, self._rows = None, None, 0

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def close(self) -> list[str]:
        self._flush()
        self._stop()
        self._raise_if_failed()
        self._close_file()
        return self.paths

    def discard(self) -> None:
        self._pending, self._pending_rows = [], 0
        try:
            self._stop()
            self._close_file()
        except Exception:  # noqa: BLE001, S110 - best effort: the files are deleted below either way
            pass
        for p in self.paths:
            try:
                self.io.delete(p)
            except Exception:  # noqa: BLE001, S110 - best effort: an orphan file is never committed
                pass
