from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeleteApiV1FilesUploadSessionsSessionIdResponse200")


@_attrs_define
class DeleteApiV1FilesUploadSessionsSessionIdResponse200:
    """
    Attributes:
        status_code (int):  Example: 200.
        message (str):
    """

    status_code: int
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_code = self.status_code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status_code": status_code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status_code = d.pop("status_code")

        message = d.pop("message")

        delete_api_v1_files_upload_sessions_session_id_response_200 = cls(
            status_code=status_code,
            message=message,
        )

        delete_api_v1_files_upload_sessions_session_id_response_200.additional_properties = d
        return delete_api_v1_files_upload_sessions_session_id_response_200

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
