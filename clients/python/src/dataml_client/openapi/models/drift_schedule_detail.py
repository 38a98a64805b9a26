from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.drift_run_summary import DriftRunSummary
    from ..models.drift_thresholds import DriftThresholds


T = TypeVar("T", bound="DriftScheduleDetail")


@_attrs_define
class DriftScheduleDetail:
    """
    Attributes:
        name (str):
        predictor_name (str):
        model_ref (str):
        dataset_id (int | None):  Example: 1.
        thresholds (DriftThresholds):
        sample_rows (int):
        window_hours (int):
        interval_seconds (int | None):
        cron (None | str):
        schedule_id (str):
        paused (bool | None):
        next_run_at (datetime.datetime | None):  Example: 2025-09-18T10:00:00Z.
        created_by (str):
        created_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        runs (list[DriftRunSummary]):
    """

    name: str
    predictor_name: str
    model_ref: str
    dataset_id: int | None
    thresholds: DriftThresholds
    sample_rows: int
    window_hours: int
    interval_seconds: int | None
    cron: None | str
    schedule_id: str
    paused: bool | None
    next_run_at: datetime.datetime | None
    created_by: str
    created_at: datetime.datetime
    runs: list[DriftRunSummary]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        predictor_name = self.predictor_name

        model_ref = self.model_ref

        dataset_id: int | None
        dataset_id = self.dataset_id

        thresholds = self.thresholds.to_dict()

        sample_rows = self.sample_rows

        window_hours = self.window_hours

        interval_seconds: int | None
        interval_seconds = self.interval_seconds

        cron: None | str
        cron = self.cron

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

        runs = []
        for runs_item_data in self.runs:
            runs_item = runs_item_data.to_dict()
            runs.append(runs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "predictor_name": predictor_name,
                "model_ref": model_ref,
                "dataset_id": dataset_id,
                "thresholds": thresholds,
                "sample_rows": sample_rows,
                "window_hours": window_hours,
                "interval_seconds": interval_seconds,
                "cron": cron,
                "schedule_id": schedule_id,
                "paused": paused,
                "next_run_at": next_run_at,
                "created_by": created_by,
                "created_at": created_at,
                "runs": runs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.drift_run_summary import DriftRunSummary
        from ..models.drift_thresholds import DriftThresholds

        d = dict(src_dict)
        name = d.pop("name")

        predictor_name = d.pop("predictor_name")

        model_ref = d.pop("model_ref")

        def _parse_dataset_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        dataset_id = _parse_dataset_id(d.pop("dataset_id"))

        thresholds = DriftThresholds.from_dict(d.pop("thresholds"))

        sample_rows = d.pop("sample_rows")

        window_hours = d.pop("window_hours")

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

        runs = []
        _runs = d.pop("runs")
        for runs_item_data in _runs:
            runs_item = DriftRunSummary.from_dict(runs_item_data)

            runs.append(runs_item)

        drift_schedule_detail = cls(
            name=name,
            predictor_name=predictor_name,
            model_ref=model_ref,
            dataset_id=dataset_id,
            thresholds=thresholds,
            sample_rows=sample_rows,
            window_hours=window_hours,
            interval_seconds=interval_seconds,
            cron=cron,
            schedule_id=schedule_id,
            paused=paused,
            next_run_at=next_run_at,
            created_by=created_by,
            created_at=created_at,
            runs=runs,
        )

        drift_schedule_detail.additional_properties = d
        return drift_schedule_detail

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
