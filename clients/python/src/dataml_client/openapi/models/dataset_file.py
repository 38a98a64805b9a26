from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_file_status import DatasetFileStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_report import ErrorReport


T = TypeVar("T", bound="DatasetFile")


@_attrs_define
class DatasetFile:
    """
    Attributes:
        dataset_id (int):  Example: 1.
        id (int):  Example: 1.
        file_name (str):
        created_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        modified_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        total_fields (int | None):
        total_records (int | None):
        error_report (ErrorReport | None):
        status (DatasetFileStatus | Unset):
        snapshot_id (None | str | Unset):
    """

    dataset_id: int
    id: int
    file_name: str
    created_at: datetime.datetime
    modified_at: datetime.datetime
    total_fields: int | None
    total_records: int | None
    error_report: ErrorReport | None
    status: DatasetFileStatus | Unset = UNSET
    snapshot_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_report import ErrorReport

        dataset_id = self.dataset_id

        id = self.id

        file_name = self.file_name

        created_at = self.created_at.isoformat()

        modified_at = self.modified_at.isoformat()

        total_fields: int | None
        total_fields = self.total_fields

        total_records: int | None
        total_records = self.total_records

        error_report: dict[str, Any] | None
        if isinstance(self.error_report, ErrorReport):
            error_report = self.error_report.to_dict()
        else:
            error_report = self.error_report

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        snapshot_id: None | str | Unset
        if isinstance(self.snapshot_id, Unset):
            snapshot_id = UNSET
        else:
            snapshot_id = self.snapshot_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "id": id,
                "file_name": file_name,
                "created_at": created_at,
                "modified_at": modified_at,
                "total_fields": total_fields,
                "total_records": total_records,
                "error_report": error_report,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if snapshot_id is not UNSET:
            field_dict["snapshot_id"] = snapshot_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_report import ErrorReport

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        id = d.pop("id")

        file_name = d.pop("file_name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        def _parse_total_fields(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total_fields = _parse_total_fields(d.pop("total_fields"))

        def _parse_total_records(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total_records = _parse_total_records(d.pop("total_records"))

        def _parse_error_report(data: object) -> ErrorReport | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_report_type_0 = ErrorReport.from_dict(data)

                return error_report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorReport | None, data)

        error_report = _parse_error_report(d.pop("error_report"))

        _status = d.pop("status", UNSET)
        status: DatasetFileStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = DatasetFileStatus(_status)

        def _parse_snapshot_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snapshot_id = _parse_snapshot_id(d.pop("snapshot_id", UNSET))

        dataset_file = cls(
            dataset_id=dataset_id,
            id=id,
            file_name=file_name,
            created_at=created_at,
            modified_at=modified_at,
            total_fields=total_fields,
            total_records=total_records,
            error_report=error_report,
            status=status,
            snapshot_id=snapshot_id,
        )

        dataset_file.additional_properties = d
        return dataset_file

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
