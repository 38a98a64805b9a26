"""The checks of a file's first bytes: empty, binary, not UTF-8, not a CSV with a header."""

from __future__ import annotations

import codecs
import csv
import io
from typing import BinaryIO

SNIFF_BYTES = 64 * 1024
# A wide file's header can be longer than SNIFF_BYTES (10,000 columns of 10-character names: ~110 KB): reading
# goes on until the header's line break, up to this bound (16 MiB: 100,000 names of 160 characters).
MAX_HEADER_BYTES = 16 * 1024 * 1024


def read_head(stream: BinaryIO, max_header_bytes: int = MAX_HEADER_BYTES) -> tuple[bytes, bool]:
    """The first bytes of `stream`: at least SNIFF_BYTES, more until they hold a line break (the end of the
    header) or reach `max_header_bytes` (or show a NUL byte: binary); and whether the stream ended there."""
    head = stream.read(SNIFF_BYTES)
    while b"\n" not in head and b"\r" not in head and b"\x00" not in head and len(head) < max_header_bytes:
        chunk = stream.read(min(len(head) or SNIFF_BYTES, max_header_bytes - len(head)))
        if not chunk:
            return head, True
        head += chunk
    more = stream.read(1)
    return head + more, not more


def sniff(prefix: bytes, at_eof: bool) -> tuple[str | None, str | None, list[str] | None]:
    """Checks the first bytes: (rule, message) for an unreadable file, else the header's column names."""
    if not prefix.strip(b"\xef\xbb\xbf \t\r\n"):
        return "empty_file", "the file is empty", None
    if b"\x00" in prefix:
        return "binary_file", "the file contains NUL bytes: it is binary, not a CSV text file", None
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(prefix, final=at_eof)
    except UnicodeDecodeError as exc:
        return "not_utf8", f"the file is not UTF-8 text (invalid byte at offset {exc.start})", None
    text = text.lstrip("\ufeff")
    if "\n" not in text and "\r" not in text and not at_eof:
        return "not_csv", f"no line break in the first {len(prefix)} bytes: not a CSV file with a header", None
    try:
        header = next(csv.reader(io.StringIO(text)))
    except (csv.Error, StopIteration) as exc:
        return "not_csv", f"the header cannot be read as CSV: {exc}", None
    return None, None, [h.strip() for h in header]
