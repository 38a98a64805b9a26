from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_column_data_type import TemplateColumnDataType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateColumn")


@_attrs_define
class TemplateColumn:
    """
    Attributes:
        column_name (str):
        data_type (TemplateColumnDataType):
        default_value (None | str):
        nullable (bool | Unset): Not in the seed; always present in responses
    """

    column_name: str
    data_type: TemplateColumnDataType
    default_value: None | str
    nullable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column_name = self.column_name

        data_type = self.data_type.value

        default_value: None | str
        default_value = self.default_value

        nullable = self.nullable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column_name": column_name,
                "data_type": data_type,
                "default_value": default_value,
            }
        )
        if nullable is not UNSET:
            field_dict["nullable"] = nullable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        column_name = d.pop("column_name")

        data_type = TemplateColumnDataType(d.pop("data_type"))

        def _parse_default_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        default_value = _parse_default_value(d.pop("default_value"))

        nullable = d.pop("nullable", UNSET)

        template_column = cls(
            column_name=column_name,
            data_type=data_type,
            default_value=default_value,
            nullable=nullable,
        )

        template_column.additional_properties = d
        return template_column

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
