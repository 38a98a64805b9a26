from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ForecastResponseForecastItem")


@_attrs_define
class ForecastResponseForecastItem:
    """
    Attributes:
        date (str):  Example: 2025-10-05.
        value (float):
        confidence (float | None):
        lower (float | None | Unset):
        upper (float | None | Unset):
    """

    date: str
    value: float
    confidence: float | None
    lower: float | None | Unset = UNSET
    upper: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date

        value = self.value

        confidence: float | None
        confidence = self.confidence

        lower: float | None | Unset
        if isinstance(self.lower, Unset):
            lower = UNSET
        else:
            lower = self.lower

        upper: float | None | Unset
        if isinstance(self.upper, Unset):
            upper = UNSET
        else:
            upper = self.upper

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "value": value,
                "confidence": confidence,
            }
        )
        if lower is not UNSET:
            field_dict["lower"] = lower
        if upper is not UNSET:
            field_dict["upper"] = upper

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        date = d.pop("date")

        value = d.pop("value")

        def _parse_confidence(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        confidence = _parse_confidence(d.pop("confidence"))

        def _parse_lower(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        lower = _parse_lower(d.pop("lower", UNSET))

        def _parse_upper(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        upper = _parse_upper(d.pop("upper", UNSET))

        forecast_response_forecast_item = cls(
            date=date,
            value=value,
            confidence=confidence,
            lower=lower,
            upper=upper,
        )

        forecast_response_forecast_item.additional_properties = d
        return forecast_response_forecast_item

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
