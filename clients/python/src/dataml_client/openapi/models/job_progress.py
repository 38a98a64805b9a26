from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JobProgress")


@_attrs_define
class JobProgress:
    """The running workflow's own progress (its `progress` query); null once it has ended or while it cannot answer

    Attributes:
        phase (str):  Example: running train.
        percent (float | None): Null where the workflow cannot tell
        ray_submission_id (None | str):
    """

    phase: str
    percent: float | None
    ray_submission_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phase = self.phase

        percent: float | None
        percent = self.percent

        ray_submission_id: None | str
        ray_submission_id = self.ray_submission_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "phase": phase,
                "percent": percent,
                "ray_submission_id": ray_submission_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        phase = d.pop("phase")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))

        def _parse_ray_submission_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ray_submission_id = _parse_ray_submission_id(d.pop("ray_submission_id"))

        job_progress = cls(
            phase=phase,
            percent=percent,
            ray_submission_id=ray_submission_id,
        )

        job_progress.additional_properties = d
        return job_progress

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
