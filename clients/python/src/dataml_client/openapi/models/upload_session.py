from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_session_status import UploadSessionStatus

if TYPE_CHECKING:
    from ..models.upload_part_url import UploadPartUrl
    from ..models.uploaded_part import UploadedPart


T = TypeVar("T", bound="UploadSession")


@_attrs_define
class UploadSession:
    """
    Attributes:
        session_id (int):  Example: 1.
        dataset_id (int):  Example: 1.
        file_id (int): The id the file will have once the session is completed Example: 1.
        file_name (str):
        size (int):
        part_size (int): Every part but the last has exactly this size
        part_count (int):
        status (UploadSessionStatus):
        expires_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        uploaded_parts (list[UploadedPart]): Parts already in the store (S3 ListParts)
        missing_parts (list[UploadPartUrl]): Parts still to upload, with their URLs
        workflow_id (None | str):
    """

    session_id: int
    dataset_id: int
    file_id: int
    file_name: str
    size: int
    part_size: int
    part_count: int
    status: UploadSessionStatus
    expires_at: datetime.datetime
    uploaded_parts: list[UploadedPart]
    missing_parts: list[UploadPartUrl]
    workflow_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        dataset_id = self.dataset_id

        file_id = self.file_id

        file_name = self.file_name

        size = self.size

        part_size = self.part_size

        part_count = self.part_count

        status = self.status.value

        expires_at = self.expires_at.isoformat()

        uploaded_parts = []
        for uploaded_parts_item_data in self.uploaded_parts:
            uploaded_parts_item = uploaded_parts_item_data.to_dict()
            uploaded_parts.append(uploaded_parts_item)

        missing_parts = []
        for missing_parts_item_data in self.missing_parts:
            missing_parts_item = missing_parts_item_data.to_dict()
            missing_parts.append(missing_parts_item)

        workflow_id: None | str
        workflow_id = self.workflow_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "dataset_id": dataset_id,
                "file_id": file_id,
                "file_name": file_name,
                "size": size,
                "part_size": part_size,
                "part_count": part_count,
                "status": status,
                "expires_at": expires_at,
                "uploaded_parts": uploaded_parts,
                "missing_parts": missing_parts,
                "workflow_id": workflow_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.upload_part_url import UploadPartUrl
        from ..models.uploaded_part import UploadedPart

        d = dict(src_dict)
        session_id = d.pop("session_id")

        dataset_id = d.pop("dataset_id")

        file_id = d.pop("file_id")

        file_name = d.pop("file_name")

        size = d.pop("size")

        part_size = d.pop("part_size")

        part_count = d.pop("part_count")

        status = UploadSessionStatus(d.pop("status"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        uploaded_parts = []
        _uploaded_parts = d.pop("uploaded_parts")
        for uploaded_parts_item_data in _uploaded_parts:
            uploaded_parts_item = UploadedPart.from_dict(uploaded_parts_item_data)

            uploaded_parts.append(uploaded_parts_item)

        missing_parts = []
        _missing_parts = d.pop("missing_parts")
        for missing_parts_item_data in _missing_parts:
            missing_parts_item = UploadPartUrl.from_dict(missing_parts_item_data)

            missing_parts.append(missing_parts_item)

        def _parse_workflow_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id"))

        upload_session = cls(
            session_id=session_id,
            dataset_id=dataset_id,
            file_id=file_id,
            file_name=file_name,
            size=size,
            part_size=part_size,
            part_count=part_count,
            status=status,
            expires_at=expires_at,
            uploaded_parts=uploaded_parts,
            missing_parts=missing_parts,
            workflow_id=workflow_id,
        )

        upload_session.additional_properties = d
        return upload_session

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
