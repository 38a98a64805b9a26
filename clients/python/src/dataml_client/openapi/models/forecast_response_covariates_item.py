from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.forecast_response_covariates_item_use import (
    ForecastResponseCovariatesItemUse,
)

T = TypeVar("T", bound="ForecastResponseCovariatesItem")


@_attrs_define
class ForecastResponseCovariatesItem:
    """
    Attributes:
        name (str):
        use (ForecastResponseCovariatesItemUse):
    """

    name: str
    use: ForecastResponseCovariatesItemUse
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        use = self.use.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "use": use,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        use = ForecastResponseCovariatesItemUse(d.pop("use"))

        forecast_response_covariates_item = cls(
            name=name,
            use=use,
        )

        forecast_response_covariates_item.additional_properties = d
        return forecast_response_covariates_item

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
