from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DriftThresholds")


@_attrs_define
class DriftThresholds:
    """
    Attributes:
        psi (float | Unset):  Default: 0.2.
        p_value (float | Unset):  Default: 0.01.
        min_effect (float | Unset):  Default: 0.1.
        bins (int | Unset):  Default: 10.
    """

    psi: float | Unset = 0.2
    p_value: float | Unset = 0.01
    min_effect: float | Unset = 0.1
    bins: int | Unset = 10
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        psi = self.psi

        p_value = self.p_value

        min_effect = self.min_effect

        bins = self.bins

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if psi is not UNSET:
            field_dict["psi"] = psi
        if p_value is not UNSET:
            field_dict["p_value"] = p_value
        if min_effect is not UNSET:
            field_dict["min_effect"] = min_effect
        if bins is not UNSET:
            field_dict["bins"] = bins

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        psi = d.pop("psi", UNSET)

        p_value = d.pop("p_value", UNSET)

        min_effect = d.pop("min_effect", UNSET)

        bins = d.pop("bins", UNSET)

        drift_thresholds = cls(
            psi=psi,
            p_value=p_value,
            min_effect=min_effect,
            bins=bins,
        )

        drift_thresholds.additional_properties = d
        return drift_thresholds

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
