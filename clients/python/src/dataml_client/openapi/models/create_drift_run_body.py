from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.drift_thresholds import DriftThresholds


T = TypeVar("T", bound="CreateDriftRunBody")


@_attrs_define
class CreateDriftRunBody:
    """
    Attributes:
        train_id (int | str):  Example: 19.
        dataset_id (int | Unset):  Example: 1.
        thresholds (DriftThresholds | Unset):
        sample_rows (int | Unset):  Default: 5000.
        window_hours (int | Unset):  Default: 168.
    """

    train_id: int | str
    dataset_id: int | Unset = UNSET
    thresholds: DriftThresholds | Unset = UNSET
    sample_rows: int | Unset = 5000
    window_hours: int | Unset = 168
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        train_id: int | str
        train_id = self.train_id

        dataset_id = self.dataset_id

        thresholds: dict[str, Any] | Unset = UNSET
        if not isinstance(self.thresholds, Unset):
            thresholds = self.thresholds.to_dict()

        sample_rows = self.sample_rows

        window_hours = self.window_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "train_id": train_id,
            }
        )
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if thresholds is not UNSET:
            field_dict["thresholds"] = thresholds
        if sample_rows is not UNSET:
            field_dict["sample_rows"] = sample_rows
        if window_hours is not UNSET:
            field_dict["window_hours"] = window_hours

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.drift_thresholds import DriftThresholds

        d = dict(src_dict)

        def _parse_train_id(data: object) -> int | str:
            return cast(int | str, data)

        train_id = _parse_train_id(d.pop("train_id"))

        dataset_id = d.pop("dataset_id", UNSET)

        _thresholds = d.pop("thresholds", UNSET)
        thresholds: DriftThresholds | Unset
        if isinstance(_thresholds, Unset):
            thresholds = UNSET
        else:
            thresholds = DriftThresholds.from_dict(_thresholds)

        sample_rows = d.pop("sample_rows", UNSET)

        window_hours = d.pop("window_hours", UNSET)

        create_drift_run_body = cls(
            train_id=train_id,
            dataset_id=dataset_id,
            thresholds=thresholds,
            sample_rows=sample_rows,
            window_hours=window_hours,
        )

        create_drift_run_body.additional_properties = d
        return create_drift_run_body

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
