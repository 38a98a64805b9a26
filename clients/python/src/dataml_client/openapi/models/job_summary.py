from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_summary_status import JobSummaryStatus

T = TypeVar("T", bound="JobSummary")


@_attrs_define
class JobSummary:
    """
    Attributes:
        workflow_id (str):
        kind (str):  Example: train.
        status (JobSummaryStatus):
        resource_id (None | str): What the job works on: training id, dataset id, prediction id, table…
        message (None | str): Why it failed or was cancelled
        ray_submission_id (None | str):
        started_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        ended_at (datetime.datetime | None): Null while the job runs Example: 2025-09-18T10:00:00Z.
        duration_seconds (float): Until now while the job runs
    """

    workflow_id: str
    kind: str
    status: JobSummaryStatus
    resource_id: None | str
    message: None | str
    ray_submission_id: None | str
    started_at: datetime.datetime
    ended_at: datetime.datetime | None
    duration_seconds: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        kind = self.kind

        status = self.status.value

        resource_id: None | str
        resource_id = self.resource_id

        message: None | str
        message = self.message

        ray_submission_id: None | str
        ray_submission_id = self.ray_submission_id

        started_at = self.started_at.isoformat()

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        duration_seconds = self.duration_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
                "kind": kind,
                "status": status,
                "resource_id": resource_id,
                "message": message,
                "ray_submission_id": ray_submission_id,
                "started_at": started_at,
                "ended_at": ended_at,
                "duration_seconds": duration_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        workflow_id = d.pop("workflow_id")

        kind = d.pop("kind")

        status = JobSummaryStatus(d.pop("status"))

        def _parse_resource_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_id = _parse_resource_id(d.pop("resource_id"))

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        def _parse_ray_submission_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ray_submission_id = _parse_ray_submission_id(d.pop("ray_submission_id"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        duration_seconds = d.pop("duration_seconds")

        job_summary = cls(
            workflow_id=workflow_id,
            kind=kind,
            status=status,
            resource_id=resource_id,
            message=message,
            ray_submission_id=ray_submission_id,
            started_at=started_at,
            ended_at=ended_at,
            duration_seconds=duration_seconds,
        )

        job_summary.additional_properties = d
        return job_summary

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
