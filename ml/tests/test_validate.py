"""The validation rules of dataml_jobs.validation on small generated files (no S3, no catalog)."""

from __future__ import annotations

import datetime as dt
import io

import pyarrow as pa
import pytest

from dataml_jobs.validation.rules import parse_template
from dataml_jobs.validation.stream import validate_stream

TEMPLATE = parse_template(
    [
        {"column_name": "id", "data_type": "Integer"},
        {"column_name": "name", "data_type": "String"},
        {"column_name": "score", "data_type": "Float", "default_value": "0.5"},
        {"column_name": "ok", "data_type": "Boolean", "nullable": True},
        {"column_name": "day", "data_type": "Date", "nullable": True},
        {"column_name": "at", "data_type": "DateTime", "nullable": True},
    ]
)


def run(data: bytes, template=TEMPLATE, block_size=1 << 20):
    out: list[pa.Table] = []
    outcome = validate_stream(io.BytesIO(data), template, out.append, block_size=block_size)
    table = pa.concat_tables(out) if out else None
    return outcome, table


def test_clean_file_is_typed():
    data = (
        b"id,name,score,ok,day,at\n1,alice,1.5,true,2024-02-29,2024-01-01T10:00:00Z\n2,bob,,0,,2024-01-01 12:30+02:00\n"
    )
    outcome, table = run(data)
    assert outcome.readable and outcome.error_report()["valid"]
    assert (outcome.total_records, outcome.total_fields, outcome.valid_rows, outcome.invalid_rows) == (2, 6, 2, 0)
    assert table.schema.types == [
        pa.int64(),
        pa.string(),
        pa.float64(),
        pa.bool_(),
        pa.date32(),
        pa.timestamp("us", tz="UTC"),
    ]
    rows = table.to_pylist()
    assert rows[0]["id"] == 1 and rows[0]["score"] == 1.5 and rows[0]["ok"] is True
    assert rows[0]["day"] == dt.date(2024, 2, 29)
    assert rows[1]["score"] == 0.5  # default fills the empty cell
    assert rows[1]["day"] is None  # nullable
    assert rows[1]["at"] == dt.datetime(2024, 1, 1, 10, 30, tzinfo=dt.UTC)


def test_bom_crlf_quoted_newlines_and_commas():
    data = (
        '\ufeffid,name,score,ok,day,at\r\n1,"multi\r\nline, with comma",2,false,,\r\n2,"say ""hi""",3,,,\r\n'
    ).encode()
    outcome, table = run(data)
    assert outcome.error_report()["counts"] == {}
    assert table.column("name").to_pylist() == ["multi\r\nline, with comma", 'say "hi"']
    assert table.column("id").to_pylist() == [1, 2]


def test_row_errors_are_counted_with_record_numbers():
    data = (
        b"id,name,score,ok,day,at\n"
        b"1,a,1,true,,\n"  # row 2 ok
        b'x,"b\nb",1,true,,\n'  # row 3 type error (id), spans two lines
        b"3,c,1\n"  # row 4 ragged
        b"4,,1,maybe,2024-02-30,\n"  # row 5: empty mandatory name, bad bool, bad date
        b"5,e,1,true,,2024-13-01T00:00:00Z\n"
    )  # row 6 bad datetime
    outcome, table = run(data)
    rep = outcome.error_report()
    assert not rep["valid"]
    assert rep["counts"] == {"type_error": 4, "empty_mandatory": 1, "ragged_row": 1}
    assert (outcome.total_records, outcome.valid_rows, outcome.invalid_rows) == (5, 1, 4)
    where = {(e["rule"], e["column"]): e["row"] for e in rep["examples"]}
    assert where[("type_error", "id")] == 3
    assert where[("ragged_row", None)] == 4
    assert where[("empty_mandatory", "name")] == 5
    assert where[("type_error", "ok")] == 5
    assert where[("type_error", "day")] == 5
    assert where[("type_error", "at")] == 6
    assert table.column("id").to_pylist() == [1]


def test_missing_and_extra_columns():
    data = b"ID,Name,extra\n1,a,zzz\n2,b,yyy\n"
    outcome, table = run(data)
    rep = outcome.error_report()
    assert rep["counts"] == {"extra_column": 1, "missing_column": 4}
    assert outcome.valid_rows == 2  # missing columns have a default or are nullable
    assert table.column("score").to_pylist() == [0.5, 0.5]
    assert table.column("name").to_pylist() == ["a", "b"]

    strict = parse_template(
        [{"column_name": "id", "data_type": "Integer"}, {"column_name": "must", "data_type": "String"}]
    )
    outcome, table = run(b"id\n1\n2\n", strict)
    assert outcome.valid_rows == 0 and outcome.invalid_rows == 2 and table is None


def test_optional_column_may_be_missing():
    # A prediction dataset's Target column: absent from the file, not reported, left null; other rules still hold.
    tpl = parse_template(
        [
            {"column_name": "id", "data_type": "Integer"},
            {"column_name": "churn", "data_type": "Boolean", "nullable": True, "optional": True},
        ]
    )
    outcome, table = run(b"id\n1\n2\n", tpl)
    assert outcome.error_report()["valid"] is True and outcome.error_report()["counts"] == {}
    assert outcome.valid_rows == 2 and table.column("churn").to_pylist() == [None, None]
    outcome, _ = run(b"id\n1\nx\n", tpl)
    assert outcome.valid_rows == 1 and outcome.error_report()["counts"] == {"type_error": 1}


@pytest.mark.parametrize(
    "data,rule",
    [
        (b"", "empty_file"),
        (b"\xef\xbb\xbf\r\n", "empty_file"),
        (b"id,name,score,ok,day,at\r\n", "header_only"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary_file"),
        ("id,name\n1,caf\u00e9\n".encode("latin-1"), "not_utf8"),
        (b'{"id": 1, "name": "a"}', "no_matching_columns"),
        (b"id,id\n1,2\n", "duplicate_header"),
    ],
)
def test_unreadable_files_fail_with_a_clear_rule(data, rule):
    outcome, table = run(data)
    assert not outcome.readable and table is None
    rep = outcome.error_report()
    assert not rep["valid"] and rule in rep["counts"]
    assert rep["examples"] and rep["examples"][0]["message"]


def test_invalid_utf8_far_into_the_file():
    head = b"id,name\n" + b"".join(b"%d,n%d\n" % (i, i) for i in range(20000))
    outcome, table = run(head + b"99,\xff\xfe\n", block_size=64 * 1024)
    assert not outcome.readable
    assert "not_utf8" in outcome.error_report()["counts"]


def test_many_batches_and_capped_examples():
    lines = [b"id,name,score,ok,day,at"]
    for i in range(30000):
        lines.append(b"%s,n,1,,," % (b"bad" if i % 3 == 0 else str(i).encode()))
    outcome, table = run(b"\n".join(lines) + b"\n", block_size=32 * 1024)
    rep = outcome.error_report()
    assert rep["counts"]["type_error"] == 10000
    assert outcome.valid_rows == 20000 and table.num_rows == 20000
    assert len(rep["examples"]) <= 100
    rows = [e["row"] for e in rep["examples"]]
    assert rows[:3] == [2, 5, 8]
    assert table.column("id").to_pylist()[:3] == [1, 2, 4]


def wide_csv(n_columns: int, rows: int) -> tuple[list[str], bytes]:
    # 10-character names: a 10,000-column header is ~100 KB, longer than the 64 KiB first read.
    names = [f"col_{i:05d}" for i in range(n_columns)]
    lines = [",".join(names)] + [",".join(str(r * n_columns + i) for i in range(n_columns)) for r in range(rows)]
    return names, ("\n".join(lines) + "\n").encode()


def test_a_10000_column_file_validates():
    names, data = wide_csv(10_000, 3)
    template = parse_template([{"column_name": c, "data_type": "Integer"} for c in names])
    outcome, table = run(data, template)
    assert outcome.error_report()["counts"] == {}
    assert (outcome.readable, outcome.total_fields, outcome.total_records, outcome.valid_rows) == (True, 10_000, 3, 3)
    assert table.num_columns == 10_000 and table.schema.types[-1] == pa.int64()
    assert table.column("col_00000").to_pylist() == [0, 10_000, 20_000]
    assert table.column("col_09999").to_pylist() == [9_999, 19_999, 29_999]


def test_a_file_wider_than_the_limit_gets_a_report_naming_it():
    names, data = wide_csv(1_001, 2)
    template = parse_template([{"column_name": c, "data_type": "Integer"} for c in names[:5]])
    sink: list[pa.Table] = []
    outcome = validate_stream(io.BytesIO(data), template, sink.append, max_columns=1_000)
    rep = outcome.error_report()
    assert not outcome.readable and sink == []
    assert rep["counts"] == {"too_many_columns": 1}
    assert rep["examples"][0]["message"] == (
        "the header has 1,001 columns, more than the limit of 1,000 columns per file (DATAML_VALIDATE_MAX_COLUMNS)"
    )
    # The limit also holds for a template wider than the file.
    wide_template = parse_template([{"column_name": c, "data_type": "Integer"} for c in names])
    outcome = validate_stream(io.BytesIO(b"col_00000\n1\n"), wide_template, None, max_columns=1_000)
    assert "the template has 1,001 columns" in outcome.error_report()["examples"][0]["message"]


def test_columns_of_one_rule_checked_together_give_each_column_own_result():
    # Columns that share a rule are checked laid end to end: a bad value in one of them must not change how
    # the others are read. Each column's findings and typed values are those of a file holding it alone.
    raw = [
        {"column_name": "a", "data_type": "DateTime"},
        {"column_name": "b", "data_type": "DateTime"},
        {"column_name": "c", "data_type": "DateTime", "nullable": True},
        {"column_name": "n", "data_type": "Integer"},
        {"column_name": "m", "data_type": "Integer"},
    ]
    cells = {
        "a": ["2024-01-01 08:00", "2024-01-02", "2024-01-03T00:00:00Z"],
        "b": ["2024-01-01 10:00", "2024-01-01T10:00:00Z", "2024-01-01t10:00:00.5+0130"],
        "c": ["2024-01-01T00:00:00Z", "x", " "],
        "n": ["1", " 2 ", "-3"],
        "m": ["4", "5", "6"],
    }
    data = ("a,b,c,n,m\n" + "\n".join(",".join(cells[k][r] for k in cells) for r in range(3)) + "\n").encode()
    out: list[pa.Table] = []
    together = validate_stream(io.BytesIO(data), parse_template(raw), out.append)
    assert together.error_report()["counts"] == {"type_error": 2}  # a's date without a time, c's "x"
    wide = pa.concat_tables(out).to_pylist()
    assert len(wide) == 2  # rows 2 and 4
    for col in raw:
        name = col["column_name"]
        alone_out: list[pa.Table] = []
        alone_data = (name + "\n" + "\n".join(cells[name]) + "\n").encode()
        alone = validate_stream(io.BytesIO(alone_data), parse_template([col]), alone_out.append)
        assert [e for e in together.report.examples if e["column"] == name] == alone.report.examples, name
        if alone.valid_rows == 3:
            values = pa.concat_tables(alone_out).column(name).to_pylist()
            assert [r[name] for r in wide] == [values[0], values[2]], name
