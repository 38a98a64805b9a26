from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.generate_statistics_response_status import (
    GenerateStatisticsResponseStatus,
)

T = TypeVar("T", bound="GenerateStatisticsResponse")


@_attrs_define
class GenerateStatisticsResponse:
    """
    Attributes:
        status (GenerateStatisticsResponseStatus):
        message (str):
        job_id (str):  Example: stat-job-12345.
        workflow_id (str):
    """

    status: GenerateStatisticsResponseStatus
    message: str
    job_id: str
    workflow_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        message = self.message

        job_id = self.job_id

        workflow_id = self.workflow_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "message": message,
                "job_id": job_id,
                "workflow_id": workflow_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = GenerateStatisticsResponseStatus(d.pop("status"))

        message = d.pop("message")

        job_id = d.pop("job_id")

        workflow_id = d.pop("workflow_id")

        generate_statistics_response = cls(
            status=status,
            message=message,
            job_id=job_id,
            workflow_id=workflow_id,
        )

        generate_statistics_response.additional_properties = d
        return generate_statistics_response

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
