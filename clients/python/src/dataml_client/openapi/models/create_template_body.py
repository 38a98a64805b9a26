from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_template_body_template_schema_item import (
        CreateTemplateBodyTemplateSchemaItem,
    )


T = TypeVar("T", bound="CreateTemplateBody")


@_attrs_define
class CreateTemplateBody:
    """
    Attributes:
        template_name (str):  Example: Telecom Customer Usage.
        template_schema (list[CreateTemplateBodyTemplateSchemaItem] | Unset):
    """

    template_name: str
    template_schema: list[CreateTemplateBodyTemplateSchemaItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_name = self.template_name

        template_schema: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.template_schema, Unset):
            template_schema = []
            for template_schema_item_data in self.template_schema:
                template_schema_item = template_schema_item_data.to_dict()
                template_schema.append(template_schema_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "template_name": template_name,
            }
        )
        if template_schema is not UNSET:
            field_dict["template_schema"] = template_schema

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_template_body_template_schema_item import (
            CreateTemplateBodyTemplateSchemaItem,
        )

        d = dict(src_dict)
        template_name = d.pop("template_name")

        _template_schema = d.pop("template_schema", UNSET)
        template_schema: list[CreateTemplateBodyTemplateSchemaItem] | Unset = UNSET
        if _template_schema is not UNSET:
            template_schema = []
            for template_schema_item_data in _template_schema:
                template_schema_item = CreateTemplateBodyTemplateSchemaItem.from_dict(
                    template_schema_item_data
                )

                template_schema.append(template_schema_item)

        create_template_body = cls(
            template_name=template_name,
            template_schema=template_schema,
        )

        create_template_body.additional_properties = d
        return create_template_body

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
