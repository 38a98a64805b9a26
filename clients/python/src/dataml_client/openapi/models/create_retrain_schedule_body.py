from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_retrain_schedule_body_mode import CreateRetrainScheduleBodyMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateRetrainScheduleBody")


@_attrs_define
class CreateRetrainScheduleBody:
    """
    Attributes:
        name (str):  Example: nightly-churn.
        predictor_name (str):  Example: churn_v1.
        mode (CreateRetrainScheduleBodyMode | Unset):  Default: CreateRetrainScheduleBodyMode.FULL. Example: full.
        interval_seconds (int | Unset):  Example: 86400.
        cron (str | Unset):  Example: 0 3 * * *.
        promote_alias (str | Unset):  Example: champion.
        paused (bool | Unset):  Default: False.
        note (str | Unset):
    """

    name: str
    predictor_name: str
    mode: CreateRetrainScheduleBodyMode | Unset = CreateRetrainScheduleBodyMode.FULL
    interval_seconds: int | Unset = UNSET
    cron: str | Unset = UNSET
    promote_alias: str | Unset = UNSET
    paused: bool | Unset = False
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        predictor_name = self.predictor_name

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        interval_seconds = self.interval_seconds

        cron = self.cron

        promote_alias = self.promote_alias

        paused = self.paused

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "predictor_name": predictor_name,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode
        if interval_seconds is not UNSET:
            field_dict["interval_seconds"] = interval_seconds
        if cron is not UNSET:
            field_dict["cron"] = cron
        if promote_alias is not UNSET:
            field_dict["promote_alias"] = promote_alias
        if paused is not UNSET:
            field_dict["paused"] = paused
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        predictor_name = d.pop("predictor_name")

        _mode = d.pop("mode", UNSET)
        mode: CreateRetrainScheduleBodyMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = CreateRetrainScheduleBodyMode(_mode)

        interval_seconds = d.pop("interval_seconds", UNSET)

        cron = d.pop("cron", UNSET)

        promote_alias = d.pop("promote_alias", UNSET)

        paused = d.pop("paused", UNSET)

        note = d.pop("note", UNSET)

        create_retrain_schedule_body = cls(
            name=name,
            predictor_name=predictor_name,
            mode=mode,
            interval_seconds=interval_seconds,
            cron=cron,
            promote_alias=promote_alias,
            paused=paused,
            note=note,
        )

        create_retrain_schedule_body.additional_properties = d
        return create_retrain_schedule_body

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
