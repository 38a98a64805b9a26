from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ModelAlias")


@_attrs_define
class ModelAlias:
    """
    Attributes:
        alias (str):
        train_id (int):  Example: 1.
        version (int):
        ref (str):  Example: churn_v1@champion.
        updated_by (str):
        updated_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
    """

    alias: str
    train_id: int
    version: int
    ref: str
    updated_by: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alias = self.alias

        train_id = self.train_id

        version = self.version

        ref = self.ref

        updated_by = self.updated_by

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alias": alias,
                "train_id": train_id,
                "version": version,
                "ref": ref,
                "updated_by": updated_by,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        alias = d.pop("alias")

        train_id = d.pop("train_id")

        version = d.pop("version")

        ref = d.pop("ref")

        updated_by = d.pop("updated_by")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        model_alias = cls(
            alias=alias,
            train_id=train_id,
            version=version,
            ref=ref,
            updated_by=updated_by,
            updated_at=updated_at,
        )

        model_alias.additional_properties = d
        return model_alias

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
