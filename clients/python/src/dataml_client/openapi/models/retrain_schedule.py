from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.retrain_schedule_mode import RetrainScheduleMode

T = TypeVar("T", bound="RetrainSchedule")


@_attrs_define
class RetrainSchedule:
    """
    Attributes:
        name (str):
        predictor_name (str):
        mode (RetrainScheduleMode):  Example: full.
        interval_seconds (int | None):
        cron (None | str):
        promote_alias (None | str):
        note (None | str):
        schedule_id (str):
        paused (bool | None):
        next_run_at (datetime.datetime | None):  Example: 2025-09-18T10:00:00Z.
        created_by (str):
        created_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
    """

    name: str
    predictor_name: str
    mode: RetrainScheduleMode
    interval_seconds: int | None
    cron: None | str
    promote_alias: None | str
    note: None | str
    schedule_id: str
    paused: bool | None
    next_run_at: datetime.datetime | None
    created_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        predictor_name = self.predictor_name

        mode = self.mode.value

        interval_seconds: int | None
        interval_seconds = self.interval_seconds

        cron: None | str
        cron = self.cron

        promote_alias: None | str
        promote_alias = self.promote_alias

        note: None | str
        note = self.note

        schedule_id = self.schedule_id

        paused: bool | None
        paused = self.paused

        next_run_at: None | str
        if isinstance(self.next_run_at, datetime.datetime):
            next_run_at = self.next_run_at.isoformat()
        else:
            next_run_at = self.next_run_at

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "predictor_name": predictor_name,
                "mode": mode,
                "interval_seconds": interval_seconds,
                "cron": cron,
                "promote_alias": promote_alias,
                "note": note,
                "schedule_id": schedule_id,
                "paused": paused,
                "next_run_at": next_run_at,
                "created_by": created_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        predictor_name = d.pop("predictor_name")

        mode = RetrainScheduleMode(d.pop("mode"))

        def _parse_interval_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        interval_seconds = _parse_interval_seconds(d.pop("interval_seconds"))

        def _parse_cron(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cron = _parse_cron(d.pop("cron"))

        def _parse_promote_alias(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        promote_alias = _parse_promote_alias(d.pop("promote_alias"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        schedule_id = d.pop("schedule_id")

        def _parse_paused(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        paused = _parse_paused(d.pop("paused"))

        def _parse_next_run_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_run_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_run_at = _parse_next_run_at(d.pop("next_run_at"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        retrain_schedule = cls(
            name=name,
            predictor_name=predictor_name,
            mode=mode,
            interval_seconds=interval_seconds,
            cron=cron,
            promote_alias=promote_alias,
            note=note,
            schedule_id=schedule_id,
            paused=paused,
            next_run_at=next_run_at,
            created_by=created_by,
            created_at=created_at,
        )

        retrain_schedule.additional_properties = d
        return retrain_schedule

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
