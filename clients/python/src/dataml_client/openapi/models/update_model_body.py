from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UpdateModelBody")


@_attrs_define
class UpdateModelBody:
    """
    Attributes:
        train_id (int):  Example: 1.
        preprocess_id (int):  Example: 1.
    """

    train_id: int
    preprocess_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        train_id = self.train_id

        preprocess_id = self.preprocess_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "train_id": train_id,
                "preprocess_id": preprocess_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        train_id = d.pop("train_id")

        preprocess_id = d.pop("preprocess_id")

        update_model_body = cls(
            train_id=train_id,
            preprocess_id=preprocess_id,
        )

        update_model_body.additional_properties = d
        return update_model_body

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
