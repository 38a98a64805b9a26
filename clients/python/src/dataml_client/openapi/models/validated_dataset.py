from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ValidatedDataset")


@_attrs_define
class ValidatedDataset:
    """
    Attributes:
        tenant_id (UUID):  Example: eb128f85-c955-4f2f-b109-0afa1aed409c.
        dataset_name (str):
        file_count (int):
        is_valid (bool):
        created_by (str):
        template_id (int | None):  Example: 1.
        id (int):  Example: 1.
    """

    tenant_id: UUID
    dataset_name: str
    file_count: int
    is_valid: bool
    created_by: str
    template_id: int | None
    id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = str(self.tenant_id)

        dataset_name = self.dataset_name

        file_count = self.file_count

        is_valid = self.is_valid

        created_by = self.created_by

        template_id: int | None
        template_id = self.template_id

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "dataset_name": dataset_name,
                "file_count": file_count,
                "is_valid": is_valid,
                "created_by": created_by,
                "template_id": template_id,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tenant_id = UUID(d.pop("tenant_id"))

        dataset_name = d.pop("dataset_name")

        file_count = d.pop("file_count")

        is_valid = d.pop("is_valid")

        created_by = d.pop("created_by")

        def _parse_template_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        template_id = _parse_template_id(d.pop("template_id"))

        id = d.pop("id")

        validated_dataset = cls(
            tenant_id=tenant_id,
            dataset_name=dataset_name,
            file_count=file_count,
            is_valid=is_valid,
            created_by=created_by,
            template_id=template_id,
            id=id,
        )

        validated_dataset.additional_properties = d
        return validated_dataset

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
