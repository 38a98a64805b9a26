from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.drift_run_summary_source import DriftRunSummarySource
from ..models.drift_run_summary_status import DriftRunSummaryStatus

if TYPE_CHECKING:
    from ..models.drift_thresholds import DriftThresholds


T = TypeVar("T", bound="DriftRunSummary")


@_attrs_define
class DriftRunSummary:
    """
    Attributes:
        id (int):  Example: 1.
        train_id (int | None):  Example: 1.
        model_ref (str):
        source (DriftRunSummarySource):
        dataset_id (int | None):  Example: 1.
        schedule_name (None | str):
        workflow_id (None | str):
        status (DriftRunSummaryStatus):
        error (None | str):
        drift_detected (bool | None):
        flagged_features (list[str]):
        thresholds (DriftThresholds):
        sample_rows (int):
        window_hours (int):
        created_by (str):
        created_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        finished_at (datetime.datetime | None):  Example: 2025-09-18T10:00:00Z.
    """

    id: int
    train_id: int | None
    model_ref: str
    source: DriftRunSummarySource
    dataset_id: int | None
    schedule_name: None | str
    workflow_id: None | str
    status: DriftRunSummaryStatus
    error: None | str
    drift_detected: bool | None
    flagged_features: list[str]
    thresholds: DriftThresholds
    sample_rows: int
    window_hours: int
    created_by: str
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        train_id: int | None
        train_id = self.train_id

        model_ref = self.model_ref

        source = self.source.value

        dataset_id: int | None
        dataset_id = self.dataset_id

        schedule_name: None | str
        schedule_name = self.schedule_name

        workflow_id: None | str
        workflow_id = self.workflow_id

        status = self.status.value

        error: None | str
        error = self.error

        drift_detected: bool | None
        drift_detected = self.drift_detected

        flagged_features = self.flagged_features

        thresholds = self.thresholds.to_dict()

        sample_rows = self.sample_rows

        window_hours = self.window_hours

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "train_id": train_id,
                "model_ref": model_ref,
                "source": source,
                "dataset_id": dataset_id,
                "schedule_name": schedule_name,
                "workflow_id": workflow_id,
                "status": status,
                "error": error,
                "drift_detected": drift_detected,
                "flagged_features": flagged_features,
                "thresholds": thresholds,
                "sample_rows": sample_rows,
                "window_hours": window_hours,
                "created_by": created_by,
                "created_at": created_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.drift_thresholds import DriftThresholds

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_train_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        train_id = _parse_train_id(d.pop("train_id"))

        model_ref = d.pop("model_ref")

        source = DriftRunSummarySource(d.pop("source"))

        def _parse_dataset_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        dataset_id = _parse_dataset_id(d.pop("dataset_id"))

        def _parse_schedule_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        schedule_name = _parse_schedule_name(d.pop("schedule_name"))

        def _parse_workflow_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id"))

        status = DriftRunSummaryStatus(d.pop("status"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_drift_detected(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        drift_detected = _parse_drift_detected(d.pop("drift_detected"))

        flagged_features = cast(list[str], d.pop("flagged_features"))

        thresholds = DriftThresholds.from_dict(d.pop("thresholds"))

        sample_rows = d.pop("sample_rows")

        window_hours = d.pop("window_hours")

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        drift_run_summary = cls(
            id=id,
            train_id=train_id,
            model_ref=model_ref,
            source=source,
            dataset_id=dataset_id,
            schedule_name=schedule_name,
            workflow_id=workflow_id,
            status=status,
            error=error,
            drift_detected=drift_detected,
            flagged_features=flagged_features,
            thresholds=thresholds,
            sample_rows=sample_rows,
            window_hours=window_hours,
            created_by=created_by,
            created_at=created_at,
            finished_at=finished_at,
        )

        drift_run_summary.additional_properties = d
        return drift_run_summary

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
