"""The streaming validator: reads a CSV in record batches (pyarrow), checks every record with vectorised
kernels, and hands the valid rows, typed and in template order, to a sink.

Row numbers in reports are CSV record numbers: the header is row 1, the first data record row 2 (a quoted
field with line breaks makes one record span several lines).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from typing import Any, BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from .report import DEFAULT_MAX_COLUMNS, DEFAULT_MAX_EXAMPLES, Outcome, Report
from .rules import Column, arrow_schema, convert, convert_columns
from .sniff import read_head, sniff

BLOCK_SIZE = 8 * 1024 * 1024


def validate_stream(
    stream: BinaryIO,
    template: list[Column],
    sink: Callable[[pa.Table], None] | None,
    max_examples: int = DEFAULT_MAX_EXAMPLES,
    block_size: int = BLOCK_SIZE,
    max_columns: int = DEFAULT_MAX_COLUMNS,
) -> Outcome:
    """Reads the CSV from `stream`, checks every record, hands valid rows (typed, template order) to `sink`.

    A file (or template) wider than `max_columns` is refused as a whole with the rule `too_many_columns`."""
    report = Report(max_examples=max_examples)
    head, at_eof = read_head(stream)
    rule, message, header = sniff(head, at_eof)
    if rule:
        report.fail(rule, message or rule)
        return Outcome(False, 0, 0, 0, 0, report)
    assert header is not None
    widest = max(len(header), len(template))
    if widest > max_columns:
        what = "header" if len(header) >= len(template) else "template"
        report.fail(
            "too_many_columns",
            f"the {what} has {widest:,} columns, more than the limit of {max_columns:,} columns per file "
            f"(DATAML_VALIDATE_MAX_COLUMNS)",
        )
        return Outcome(False, 0, len(header), 0, 0, report)
    # Counted once (not header.count per name): a 10,000-column header would take 10^8 comparisons.
    seen = Counter(h.lower() for h in header)
    dupes = sorted({h for h in header if seen[h.lower()] > 1})
    if dupes:
        report.fail("duplicate_header", f"the header repeats column(s) {', '.join(dupes)}")
        return Outcome(False, 0, len(header), 0, 0, report)

    if not template:
        report.fail("no_matching_columns", "the template has no columns (none could be inferred from the file)")
        return Outcome(False, 0, len(header), 0, 0, report)
    by_name = {h.lower(): i for i, h in enumerate(header)}
    template_names = {c.name.lower() for c in template}
    if not template_names & set(by_name):
        report.fail(
            "no_matching_columns",
            f"no column of the template ({', '.join(c.name for c in template)}) is in the header "
            f"({', '.join(header[:20])}): wrong file, or not a CSV file",
        )
        return Outcome(False, 0, len(header), 0, 0, report)
    for h in header:
        if h.lower() not in template_names:
            report.add("extra_column")
            report.example("extra_column", 1, h, None)
    unfillable: list[str] = []
    for c in template:
        if c.name.lower() not in by_name:
            if c.optional:
                continue
            report.add("missing_column")
            fill = (
                "filled with its default"
                if c.default is not None
                else "left empty"
                if c.nullable
                else "every row is invalid"
            )
            report.example("missing_column", 1, c.name, None, f"template column missing from the header ({fill})")
            if c.default is None and not c.nullable:
                unfillable.append(c.name)

    skipped: list[int] = []

    def on_invalid_row(row: Any) -> str:
        skipped.append(int(row.number) if row.number is not None else -1)
        report.add("ragged_row")
        report.example(
            "ragged_row",
            row.number or 0,
            None,
            row.text,
            f"expected {row.expected_columns} fields, found {row.actual_columns}",
        )
        return "skip"

    # A seekable stream (the S3 object opened for random access, a local file) goes to the CSV reader as is:
    # Arrow then reads ahead on its own I/O thread, without the GIL and without copies through Python.
    source: Any
    if _seekable(stream):
        stream.seek(0)
        source = stream
    else:
        source = io.BufferedReader(_Rejoined(head, stream), buffer_size=1024 * 1024)
    parsed = 0
    valid_total = 0
    try:
        reader = pacsv.open_csv(
            source,
            read_options=pacsv.ReadOptions(use_threads=False, block_size=block_size),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=on_invalid_row),
            convert_options=pacsv.ConvertOptions(
                column_types={h: pa.string() for h in header},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=True,
            ),
        )
        index = {n.strip().lower(): i for i, n in enumerate(reader.schema.names)}
        for batch in reader:
            typed, valid_mask = _check_batch(batch, template, index, unfillable, report, parsed, skipped)
            n_valid = int(valid_mask.sum())
            if sink is not None and n_valid:
                sink(typed.filter(pa.array(valid_mask)) if n_valid < batch.num_rows else typed)
            valid_total += n_valid
            parsed += batch.num_rows
    except pa.ArrowInvalid as exc:
        text = str(exc)
        if "UTF8" in text or "UTF-8" in text:
            report.fail("not_utf8", "the file is not valid UTF-8 text: " + text)
        else:
            report.fail("unreadable", "the file cannot be parsed as CSV: " + text)
        total = parsed + len(skipped)
        return Outcome(False, total, len(header), valid_total, total - valid_total, report)

    total = parsed + len(skipped)
    if total == 0:
        report.fail("header_only", "the file has a header but no data rows")
        return Outcome(False, 0, len(header), 0, 0, report)
    return Outcome(True, total, len(header), valid_total, total - valid_total, report)


class _Rejoined(io.RawIOBase):
    """The bytes already read (`head`), then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head = head
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self.head:
            n = min(len(b), len(self.head))
            b[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        chunk = self.rest.read(len(b))
        b[: len(chunk)] = chunk
        return len(chunk)


def _seekable(stream: Any) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _record_number(k: int, skipped_sorted: list[int]) -> int:
    """Record number (header = 1) of the k-th parsed data row (0-based), given the skipped records' numbers."""
    r = k + 2
    while True:
        nxt = k + 2 + int(np.searchsorted(skipped_sorted, r, side="right")) if skipped_sorted else r
        if nxt == r:
            return r
        r = nxt


def _check_batch(
    batch: pa.RecordBatch,
    template: list[Column],
    index: dict[str, int],
    unfillable: list[str],
    report: Report,
    offset: int,
    skipped: list[int],
) -> tuple[pa.Table, np.ndarray]:
    n = batch.num_rows
    invalid = np.zeros(n, dtype=bool)
    if unfillable:
        invalid[:] = True
    skipped_sorted = sorted(s for s in skipped if s >= 0)
    columns: list[pa.Array | None] = [None] * len(template)
    # Columns that share a rule (type, default, nullable) are checked together, laid end to end: a handful of
    # kernel calls per batch instead of a handful per column, which is what makes 10,000-column files usable.
    groups: dict[tuple[str, str | None, bool], list[int]] = {}
    for pos, col in enumerate(template):
        if col.name.lower() in index:
            groups.setdefault((col.data_type, col.default, col.nullable), []).append(pos)
        elif col.default is not None:
            columns[pos], _ = convert(pa.array([col.default] * n, pa.string()), col.data_type)
        else:
            columns[pos] = pa.nulls(n, col.arrow_type)
    raws = {pos: batch.column(index[template[pos].name.lower()]) for members in groups.values() for pos in members}
    empties: dict[int, np.ndarray] = {}
    bads: dict[int, np.ndarray] = {}
    for (data_type, default, nullable), members in groups.items():
        raw = pa.concat_arrays([raws[pos] for pos in members]) if len(members) > 1 else raws[members[0]]
        # Empty means "" or only whitespace (utf8_is_space is false for "").
        empty = pc.or_(pc.equal(raw, ""), pc.utf8_is_space(raw))
        if default is not None:
            values = pc.if_else(empty, pa.scalar(default, pa.string()), raw)
        else:
            values = pc.if_else(empty, pa.scalar(None, pa.string()), raw)
            if not nullable:
                empty_np = np.asarray(empty.to_numpy(zero_copy_only=False), dtype=bool)
                for j, pos in enumerate(members):
                    empties[pos] = empty_np[j * n : (j + 1) * n]
        for pos, (typed, bad) in zip(members, convert_columns(values, data_type, len(members)), strict=True):
            columns[pos] = typed
            bads[pos] = bad
    # Findings in template order, each column's empty cells before its type errors (the examples kept depend on it).
    for pos, col in enumerate(template):
        empty_np = empties.get(pos)
        if empty_np is not None and empty_np.any():
            _note(report, "empty_mandatory", empty_np, col.name, raws[pos], offset, skipped_sorted)
            invalid |= empty_np
        bad = bads.get(pos)
        if bad is not None and bad.any():
            _note(report, "type_error", bad, col.name, raws[pos], offset, skipped_sorted, f"not a {col.data_type}")
            invalid |= bad
    table = pa.Table.from_arrays(columns, schema=arrow_schema(template))
    return table, ~invalid


def _note(
    report: Report,
    rule: str,
    mask: np.ndarray,
    column: str,
    raw: pa.Array,
    offset: int,
    skipped_sorted: list[int],
    message: str | None = None,
) -> None:
    count = int(mask.sum())
    if not count:
        return
    report.add(rule, count)
    want = report.wants(rule)
    if want:
        for k in np.flatnonzero(mask)[:want]:
            value = raw[int(k)].as_py()
            msg = f"{value!r} is {message}" if message else None
            report.example(rule, _record_number(offset + int(k), skipped_sorted), column, value, msg)
