from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_summary_dataset_usage import DatasetSummaryDatasetUsage
from ..models.dataset_summary_usage import DatasetSummaryUsage

T = TypeVar("T", bound="DatasetSummary")


@_attrs_define
class DatasetSummary:
    """
    Attributes:
        tenant_id (UUID):  Example: eb128f85-c955-4f2f-b109-0afa1aed409c.
        dataset_name (str):
        file_count (int):
        is_valid (bool | None):
        created_by (str):
        template_id (int | None):  Example: 1.
        data_source (str):
        iceberg_table_name (None | str):
        id (int):  Example: 1.
        template_name (None | str):
        created_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        modified_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        dataset_usability (None | str):  Example: 85%.
        usage (DatasetSummaryUsage):
        dataset_usage (DatasetSummaryDatasetUsage):
    """

    tenant_id: UUID
    dataset_name: str
    file_count: int
    is_valid: bool | None
    created_by: str
    template_id: int | None
    data_source: str
    iceberg_table_name: None | str
    id: int
    template_name: None | str
    created_at: datetime.datetime
    modified_at: datetime.datetime
    dataset_usability: None | str
    usage: DatasetSummaryUsage
    dataset_usage: DatasetSummaryDatasetUsage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = str(self.tenant_id)

        dataset_name = self.dataset_name

        file_count = self.file_count

        is_valid: bool | None
        is_valid = self.is_valid

        created_by = self.created_by

        template_id: int | None
        template_id = self.template_id

        data_source = self.data_source

        iceberg_table_name: None | str
        iceberg_table_name = self.iceberg_table_name

        id = self.id

        template_name: None | str
        template_name = self.template_name

        created_at = self.created_at.isoformat()

        modified_at = self.modified_at.isoformat()

        dataset_usability: None | str
        dataset_usability = self.dataset_usability

        usage = self.usage.value

        dataset_usage = self.dataset_usage.value

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
                "data_source": data_source,
                "iceberg_table_name": iceberg_table_name,
                "id": id,
                "template_name": template_name,
                "created_at": created_at,
                "modified_at": modified_at,
                "dataset_usability": dataset_usability,
                "usage": usage,
                "dataset_usage": dataset_usage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tenant_id = UUID(d.pop("tenant_id"))

        dataset_name = d.pop("dataset_name")

        file_count = d.pop("file_count")

        def _parse_is_valid(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        is_valid = _parse_is_valid(d.pop("is_valid"))

        created_by = d.pop("created_by")

        def _parse_template_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        template_id = _parse_template_id(d.pop("template_id"))

        data_source = d.pop("data_source")

        def _parse_iceberg_table_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        iceberg_table_name = _parse_iceberg_table_name(d.pop("iceberg_table_name"))

        id = d.pop("id")

        def _parse_template_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        template_name = _parse_template_name(d.pop("template_name"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        def _parse_dataset_usability(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dataset_usability = _parse_dataset_usability(d.pop("dataset_usability"))

        usage = DatasetSummaryUsage(d.pop("usage"))

        dataset_usage = DatasetSummaryDatasetUsage(d.pop("dataset_usage"))

        dataset_summary = cls(
            tenant_id=tenant_id,
            dataset_name=dataset_name,
            file_count=file_count,
            is_valid=is_valid,
            created_by=created_by,
            template_id=template_id,
            data_source=data_source,
            iceberg_table_name=iceberg_table_name,
            id=id,
            template_name=template_name,
            created_at=created_at,
            modified_at=modified_at,
            dataset_usability=dataset_usability,
            usage=usage,
            dataset_usage=dataset_usage,
        )

        dataset_summary.additional_properties = d
        return dataset_summary

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
