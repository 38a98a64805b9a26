"""What a validation finds: counts per rule, bounded examples, and the outcome reported for one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..common.settings import DEFAULT_VALIDATE_MAX_COLUMNS

MAX_EXAMPLES_PER_RULE = 20
DEFAULT_MAX_EXAMPLES = 100
VALUE_PREVIEW = 200
# The widest file (or template) validated; a wider one is refused as a whole (`too_many_columns`).
DEFAULT_MAX_COLUMNS = DEFAULT_VALIDATE_MAX_COLUMNS

# The rules a report counts. File-level rules make the file unreadable (nothing is written).
RULE_MESSAGES = {
    "type_error": "value does not match the column's data type",
    "empty_mandatory": "empty value in a column that has no default and is not nullable",
    "ragged_row": "row has a different number of fields than the header",
    "missing_column": "template column missing from the header",
    "extra_column": "header column not in the template (ignored)",
}


@dataclass
class Report:
    max_examples: int = DEFAULT_MAX_EXAMPLES
    counts: dict[str, int] = field(default_factory=dict)
    examples: list[dict[str, Any]] = field(default_factory=list)
    per_rule: dict[str, int] = field(default_factory=dict)
    fatal: str | None = None

    def add(self, rule: str, n: int = 1) -> None:
        if n:
            self.counts[rule] = self.counts.get(rule, 0) + int(n)

    def wants(self, rule: str) -> int:
        left_total = self.max_examples - len(self.examples)
        left_rule = MAX_EXAMPLES_PER_RULE - self.per_rule.get(rule, 0)
        return max(0, min(left_total, left_rule))

    def example(self, rule: str, row: int, column: str | None, value: str | None, message: str | None = None) -> None:
        if self.wants(rule) <= 0:
            return
        self.per_rule[rule] = self.per_rule.get(rule, 0) + 1
        if value is not None and len(value) > VALUE_PREVIEW:
            value = value[:VALUE_PREVIEW] + "…"
        self.examples.append(
            {
                "row": int(row),
                "column": column,
                "value": value,
                "rule": rule,
                "message": message or RULE_MESSAGES.get(rule, rule),
            }
        )

    def fail(self, rule: str, message: str) -> None:
        self.fatal = message
        self.add(rule)
        self.example(rule, 0, None, None, message)


@dataclass
class Outcome:
    readable: bool
    total_records: int
    total_fields: int
    valid_rows: int
    invalid_rows: int
    report: Report

    def error_report(self) -> dict[str, Any]:
        return {
            "valid": self.readable and not self.report.counts,
            "total_rows": self.total_records,
            "valid_rows": self.valid_rows,
            "invalid_rows": self.invalid_rows,
            "counts": dict(sorted(self.report.counts.items())),
            "examples": self.report.examples,
        }
