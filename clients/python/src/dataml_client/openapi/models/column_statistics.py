from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.column_statistics_quantiles import ColumnStatisticsQuantiles
    from ..models.column_statistics_top_values_item import ColumnStatisticsTopValuesItem


T = TypeVar("T", bound="ColumnStatistics")


@_attrs_define
class ColumnStatistics:
    """
    Attributes:
        column_name (str):
        data_type (str):
        count (int):
        nulls (int):
        distinct_count (int | None):
        min_ (float | None):
        max_ (float | None):
        mean (float | None):
        std (float | None):
        quantiles (ColumnStatisticsQuantiles):
        top_values (list[ColumnStatisticsTopValuesItem]):
    """

    column_name: str
    data_type: str
    count: int
    nulls: int
    distinct_count: int | None
    min_: float | None
    max_: float | None
    mean: float | None
    std: float | None
    quantiles: ColumnStatisticsQuantiles
    top_values: list[ColumnStatisticsTopValuesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column_name = self.column_name

        data_type = self.data_type

        count = self.count

        nulls = self.nulls

        distinct_count: int | None
        distinct_count = self.distinct_count

        min_: float | None
        min_ = self.min_

        max_: float | None
        max_ = self.max_

        mean: float | None
        mean = self.mean

        std: float | None
        std = self.std

        quantiles = self.quantiles.to_dict()

        top_values = []
        for top_values_item_data in self.top_values:
            top_values_item = top_values_item_data.to_dict()
            top_values.append(top_values_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column_name": column_name,
                "data_type": data_type,
                "count": count,
                "nulls": nulls,
                "distinct_count": distinct_count,
                "min": min_,
                "max": max_,
                "mean": mean,
                "std": std,
                "quantiles": quantiles,
                "top_values": top_values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.column_statistics_quantiles import ColumnStatisticsQuantiles
        from ..models.column_statistics_top_values_item import (
            ColumnStatisticsTopValuesItem,
        )

        d = dict(src_dict)
        column_name = d.pop("column_name")

        data_type = d.pop("data_type")

        count = d.pop("count")

        nulls = d.pop("nulls")

        def _parse_distinct_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        distinct_count = _parse_distinct_count(d.pop("distinct_count"))

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

        def _parse_mean(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean = _parse_mean(d.pop("mean"))

        def _parse_std(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        std = _parse_std(d.pop("std"))

        quantiles = ColumnStatisticsQuantiles.from_dict(d.pop("quantiles"))

        top_values = []
        _top_values = d.pop("top_values")
        for top_values_item_data in _top_values:
            top_values_item = ColumnStatisticsTopValuesItem.from_dict(
                top_values_item_data
            )

            top_values.append(top_values_item)

        column_statistics = cls(
            column_name=column_name,
            data_type=data_type,
            count=count,
            nulls=nulls,
            distinct_count=distinct_count,
            min_=min_,
            max_=max_,
            mean=mean,
            std=std,
            quantiles=quantiles,
            top_values=top_values,
        )

        column_statistics.additional_properties = d
        return column_statistics

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
