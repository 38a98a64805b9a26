from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.update_template_body_template_schema_item_data_type import (
    UpdateTemplateBodyTemplateSchemaItemDataType,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateTemplateBodyTemplateSchemaItem")


@_attrs_define
class UpdateTemplateBodyTemplateSchemaItem:
    """
    Attributes:
        column_name (str):  Example: CustomerID.
        data_type (UpdateTemplateBodyTemplateSchemaItemDataType):
        default_value (None | str | Unset):  Example: CUST-0000.
        nullable (bool | Unset): Empty cells allowed (null) when no default; default false
    """

    column_name: str
    data_type: UpdateTemplateBodyTemplateSchemaItemDataType
    default_value: None | str | Unset = UNSET
    nullable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column_name = self.column_name

        data_type = self.data_type.value

        default_value: None | str | Unset
        if isinstance(self.default_value, Unset):
            default_value = UNSET
        else:
            default_value = self.default_value

        nullable = self.nullable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column_name": column_name,
                "data_type": data_type,
            }
        )
        if default_value is not UNSET:
            field_dict["default_value"] = default_value
        if nullable is not UNSET:
            field_dict["nullable"] = nullable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        column_name = d.pop("column_name")

        data_type = UpdateTemplateBodyTemplateSchemaItemDataType(d.pop("data_type"))

        def _parse_default_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_value = _parse_default_value(d.pop("default_value", UNSET))

        nullable = d.pop("nullable", UNSET)

        update_template_body_template_schema_item = cls(
            column_name=column_name,
            data_type=data_type,
            default_value=default_value,
            nullable=nullable,
        )

        update_template_body_template_schema_item.additional_properties = d
        return update_template_body_template_schema_item

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
