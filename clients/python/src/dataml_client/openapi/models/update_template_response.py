from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.template_column import TemplateColumn


T = TypeVar("T", bound="UpdateTemplateResponse")


@_attrs_define
class UpdateTemplateResponse:
    """
    Attributes:
        template_name (str):
        template_schema (list[TemplateColumn]):
        version (int): Template version, 1 on creation, +1 per update
    """

    template_name: str
    template_schema: list[TemplateColumn]
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_name = self.template_name

        template_schema = []
        for template_schema_item_data in self.template_schema:
            template_schema_item = template_schema_item_data.to_dict()
            template_schema.append(template_schema_item)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "template_name": template_name,
                "template_schema": template_schema,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_column import TemplateColumn

        d = dict(src_dict)
        template_name = d.pop("template_name")

        template_schema = []
        _template_schema = d.pop("template_schema")
        for template_schema_item_data in _template_schema:
            template_schema_item = TemplateColumn.from_dict(template_schema_item_data)

            template_schema.append(template_schema_item)

        version = d.pop("version")

        update_template_response = cls(
            template_name=template_name,
            template_schema=template_schema,
            version=version,
        )

        update_template_response.additional_properties = d
        return update_template_response

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
