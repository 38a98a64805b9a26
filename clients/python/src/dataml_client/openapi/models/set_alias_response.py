from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SetAliasResponse")


@_attrs_define
class SetAliasResponse:
    """
    Attributes:
        alias (str):
        ref (str):
        train_id (int):  Example: 1.
        previous_train_id (int | None):  Example: 1.
    """

    alias: str
    ref: str
    train_id: int
    previous_train_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alias = self.alias

        ref = self.ref

        train_id = self.train_id

        previous_train_id: int | None
        previous_train_id = self.previous_train_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alias": alias,
                "ref": ref,
                "train_id": train_id,
                "previous_train_id": previous_train_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        alias = d.pop("alias")

        ref = d.pop("ref")

        train_id = d.pop("train_id")

        def _parse_previous_train_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous_train_id = _parse_previous_train_id(d.pop("previous_train_id"))

        set_alias_response = cls(
            alias=alias,
            ref=ref,
            train_id=train_id,
            previous_train_id=previous_train_id,
        )

        set_alias_response.additional_properties = d
        return set_alias_response

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
