from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NumericStatsResponse")


@_attrs_define
class NumericStatsResponse:
    """
    Attributes:
        column (str):
        count (int):
        mean (float | None):
        std_dev (float | None):
        min_ (float | None):
        max_ (float | None):
        median (float | None):
    """

    column: str
    count: int
    mean: float | None
    std_dev: float | None
    min_: float | None
    max_: float | None
    median: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column = self.column

        count = self.count

        mean: float | None
        mean = self.mean

        std_dev: float | None
        std_dev = self.std_dev

        min_: float | None
        min_ = self.min_

        max_: float | None
        max_ = self.max_

        median: float | None
        median = self.median

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column": column,
                "count": count,
                "mean": mean,
                "std_dev": std_dev,
                "min": min_,
                "max": max_,
                "median": median,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        column = d.pop("column")

        count = d.pop("count")

        def _parse_mean(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean = _parse_mean(d.pop("mean"))

        def _parse_std_dev(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        std_dev = _parse_std_dev(d.pop("std_dev"))

        def _parse_min_(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        min_ = _parse_min_(d.pop("min"))

        def _parse_max_(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_ = _parse_max_(d.pop("max"))

        def _parse_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median = _parse_median(d.pop("median"))

        numeric_stats_response = cls(
            column=column,
            count=count,
            mean=mean,
            std_dev=std_dev,
            min_=min_,
            max_=max_,
            median=median,
        )

        numeric_stats_response.additional_properties = d
        return numeric_stats_response

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
