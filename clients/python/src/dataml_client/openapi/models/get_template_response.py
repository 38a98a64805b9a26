from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.template_column import TemplateColumn


T = TypeVar("T", bound="GetTemplateResponse")


@_attrs_define
class GetTemplateResponse:
    """
    Attributes:
        template_name (str):
        id (int):  Example: 1.
        tenant_id (UUID):  Example: eb128f85-c955-4f2f-b109-0afa1aed409c.
        no_of_columns (int):
        created_by (str):
        created_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        modified_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        modified_by (str):
        version (int): Template version, 1 on creation, +1 per update
        template_schema (list[TemplateColumn]):
    """

    template_name: str
    id: int
    tenant_id: UUID
    no_of_columns: int
    created_by: str
    created_at: datetime.datetime
    modified_at: datetime.datetime
    modified_by: str
    version: int
    template_schema: list[TemplateColumn]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_name = self.template_name

        id = self.id

        tenant_id = str(self.tenant_id)

        no_of_columns = self.no_of_columns

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        modified_at = self.modified_at.isoformat()

        modified_by = self.modified_by

        version = self.version

        template_schema = []
        for template_schema_item_data in self.template_schema:
            template_schema_item = template_schema_item_data.to_dict()
            template_schema.append(template_schema_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "template_name": template_name,
                "id": id,
                "tenant_id": tenant_id,
                "no_of_columns": no_of_columns,
                "created_by": created_by,
                "created_at": created_at,
                "modified_at": modified_at,
                "modified_by": modified_by,
                "version": version,
                "template_schema": template_schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_column import TemplateColumn

        d = dict(src_dict)
        template_name = d.pop("template_name")

        id = d.pop("id")

        tenant_id = UUID(d.pop("tenant_id"))

        no_of_columns = d.pop("no_of_columns")

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        modified_by = d.pop("modified_by")

        version = d.pop("version")

        template_schema = []
        _template_schema = d.pop("template_schema")
        for template_schema_item_data in _template_schema:
            template_schema_item = TemplateColumn.from_dict(template_schema_item_data)

            template_schema.append(template_schema_item)

        get_template_response = cls(
            template_name=template_name,
            id=id,
            tenant_id=tenant_id,
            no_of_columns=no_of_columns,
            created_by=created_by,
            created_at=created_at,
            modified_at=modified_at,
            modified_by=modified_by,
            version=version,
            template_schema=template_schema,
        )

        get_template_response.additional_properties = d
        return get_template_response

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
