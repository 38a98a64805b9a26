from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.error_report_counts import ErrorReportCounts
    from ..models.error_report_examples_item import ErrorReportExamplesItem


T = TypeVar("T", bound="ErrorReport")


@_attrs_define
class ErrorReport:
    """
    Attributes:
        valid (bool):
        total_rows (int):
        valid_rows (int):
        invalid_rows (int):
        counts (ErrorReportCounts): Failures per rule
        examples (list[ErrorReportExamplesItem]):
    """

    valid: bool
    total_rows: int
    valid_rows: int
    invalid_rows: int
    counts: ErrorReportCounts
    examples: list[ErrorReportExamplesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        total_rows = self.total_rows

        valid_rows = self.valid_rows

        invalid_rows = self.invalid_rows

        counts = self.counts.to_dict()

        examples = []
        for examples_item_data in self.examples:
            examples_item = examples_item_data.to_dict()
            examples.append(examples_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "total_rows": total_rows,
                "valid_rows": valid_rows,
                "invalid_rows": invalid_rows,
                "counts": counts,
                "examples": examples,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_report_counts import ErrorReportCounts
        from ..models.error_report_examples_item import ErrorReportExamplesItem

        d = dict(src_dict)
        valid = d.pop("valid")

        total_rows = d.pop("total_rows")

        valid_rows = d.pop("valid_rows")

        invalid_rows = d.pop("invalid_rows")

        counts = ErrorReportCounts.from_dict(d.pop("counts"))

        examples = []
        _examples = d.pop("examples")
        for examples_item_data in _examples:
            examples_item = ErrorReportExamplesItem.from_dict(examples_item_data)

            examples.append(examples_item)

        error_report = cls(
            valid=valid,
            total_rows=total_rows,
            valid_rows=valid_rows,
            invalid_rows=invalid_rows,
            counts=counts,
            examples=examples,
        )

        error_report.additional_properties = d
        return error_report

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
