from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.explanation_outputs_additional_property_contributions import (
        ExplanationOutputsAdditionalPropertyContributions,
    )


T = TypeVar("T", bound="ExplanationOutputsAdditionalProperty")


@_attrs_define
class ExplanationOutputsAdditionalProperty:
    """
    Attributes:
        base_value (float):
        contributions (ExplanationOutputsAdditionalPropertyContributions): Original input column -> its contribution.
        raw_output (float): base_value + the sum of the contributions: the model output explained.
    """

    base_value: float
    contributions: ExplanationOutputsAdditionalPropertyContributions
    raw_output: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_value = self.base_value

        contributions = self.contributions.to_dict()

        raw_output = self.raw_output

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_value": base_value,
                "contributions": contributions,
                "raw_output": raw_output,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.explanation_outputs_additional_property_contributions import (
            ExplanationOutputsAdditionalPropertyContributions,
        )

        d = dict(src_dict)
        base_value = d.pop("base_value")

        contributions = ExplanationOutputsAdditionalPropertyContributions.from_dict(
            d.pop("contributions")
        )

        raw_output = d.pop("raw_output")

        explanation_outputs_additional_property = cls(
            base_value=base_value,
            contributions=contributions,
            raw_output=raw_output,
        )

        explanation_outputs_additional_property.additional_properties = d
        return explanation_outputs_additional_property

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
