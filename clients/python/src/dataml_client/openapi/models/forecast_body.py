from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.forecast_body_exogenous_item import ForecastBodyExogenousItem


T = TypeVar("T", bound="ForecastBody")


@_attrs_define
class ForecastBody:
    """
    Attributes:
        train_id (int | str):  Example: 19.
        preprocess_id (int):  Example: 1.
        steps (int):  Example: 4.
        frequency (str):  Example: Week.
        unique_id (str):  Example: CUST_0001.
        dataset_id (int | Unset):  Example: 1.
        exogenous (list[ForecastBodyExogenousItem] | Unset):
    """

    train_id: int | str
    preprocess_id: int
    steps: int
    frequency: str
    unique_id: str
    dataset_id: int | Unset = UNSET
    exogenous: list[ForecastBodyExogenousItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        train_id: int | str
        train_id = self.train_id

        preprocess_id = self.preprocess_id

        steps = self.steps

        frequency = self.frequency

        unique_id = self.unique_id

        dataset_id = self.dataset_id

        exogenous: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.exogenous, Unset):
            exogenous = []
            for exogenous_item_data in self.exogenous:
                exogenous_item = exogenous_item_data.to_dict()
                exogenous.append(exogenous_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "train_id": train_id,
                "preprocess_id": preprocess_id,
                "steps": steps,
                "frequency": frequency,
                "unique_id": unique_id,
            }
        )
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if exogenous is not UNSET:
            field_dict["exogenous"] = exogenous

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.forecast_body_exogenous_item import ForecastBodyExogenousItem

        d = dict(src_dict)

        def _parse_train_id(data: object) -> int | str:
            return cast(int | str, data)

        train_id = _parse_train_id(d.pop("train_id"))

        preprocess_id = d.pop("preprocess_id")

        steps = d.pop("steps")

        frequency = d.pop("frequency")

        unique_id = d.pop("unique_id")

        dataset_id = d.pop("dataset_id", UNSET)

        _exogenous = d.pop("exogenous", UNSET)
        exogenous: list[ForecastBodyExogenousItem] | Unset = UNSET
        if _exogenous is not UNSET:
            exogenous = []
            for exogenous_item_data in _exogenous:
                exogenous_item = ForecastBodyExogenousItem.from_dict(
                    exogenous_item_data
                )

                exogenous.append(exogenous_item)

        forecast_body = cls(
            train_id=train_id,
            preprocess_id=preprocess_id,
            steps=steps,
            frequency=frequency,
            unique_id=unique_id,
            dataset_id=dataset_id,
            exogenous=exogenous,
        )

        forecast_body.additional_properties = d
        return forecast_body

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
