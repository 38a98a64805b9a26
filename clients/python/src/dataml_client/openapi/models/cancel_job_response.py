from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cancel_job_response_status import CancelJobResponseStatus

T = TypeVar("T", bound="CancelJobResponse")


@_attrs_define
class CancelJobResponse:
    """
    Attributes:
        workflow_id (str):
        status (CancelJobResponseStatus): The status when cancellation was requested; the job records Cancelled once
            stopped
        message (str):
    """

    workflow_id: str
    status: CancelJobResponseStatus
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        status = self.status.value

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
                "status": status,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        workflow_id = d.pop("workflow_id")

        status = CancelJobResponseStatus(d.pop("status"))

        message = d.pop("message")

        cancel_job_response = cls(
            workflow_id=workflow_id,
            status=status,
            message=message,
        )

        cancel_job_response.additional_properties = d
        return cancel_job_response

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
