from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ColumnStatisticsQuantiles")


@_attrs_define
class ColumnStatisticsQuantiles:
    """
    Attributes:
        p25 (float | None):
        p50 (float | None):
        p75 (float | None):
    """

    p25: float | None
    p50: float | None
    p75: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        p25: float | None
        p25 = self.p25

        p50: float | None
        p50 = self.p50

        p75: float | None
        p75 = self.p75

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "p25": p25,
                "p50": p50,
                "p75": p75,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_p25(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p25 = _parse_p25(d.pop("p25"))

        def _parse_p50(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p50 = _parse_p50(d.pop("p50"))

        def _parse_p75(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p75 = _parse_p75(d.pop("p75"))

        column_statistics_quantiles = cls(
            p25=p25,
            p50=p50,
            p75=p75,
        )

        column_statistics_quantiles.additional_properties = d
        return column_statistics_quantiles

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
