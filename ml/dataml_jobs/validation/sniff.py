"""The checks of a file's first bytes: empty, binary, not UTF-8, not a CSV with a header."""

from __future__ import annotations

import codecs
import csv
import io

SNIFF_BYTES = 64 * 1024


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
        return "not_csv", f"no line break in the first {SNIFF_BYTES} bytes: not a CSV file with a header", None
    try:
        header = next(csv.reader(io.StringIO(text)))
    except (csv.Error, StopIteration) as exc:
        return "not_csv", f"the header cannot be read as CSV: {exc}", None
    return None, None, [h.strip() for h in header]
