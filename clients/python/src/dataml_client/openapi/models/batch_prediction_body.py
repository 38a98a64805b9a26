from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchPredictionBody")


@_attrs_define
class BatchPredictionBody:
    """
    Attributes:
        train_id (int | str):  Example: 19.
        dataset_id (int):  Example: 1.
        explain (bool | Unset): Also write each row's feature contributions.
    """

    train_id: int | str
    dataset_id: int
    explain: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        train_id: int | str
        train_id = self.train_id

        dataset_id = self.dataset_id

        explain = self.explain

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "train_id": train_id,
                "dataset_id": dataset_id,
            }
        )
        if explain is not UNSET:
            field_dict["explain"] = explain

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_train_id(data: object) -> int | str:
            return cast(int | str, data)

        train_id = _parse_train_id(d.pop("train_id"))

        dataset_id = d.pop("dataset_id")

        explain = d.pop("explain", UNSET)

        batch_prediction_body = cls(
            train_id=train_id,
            dataset_id=dataset_id,
            explain=explain,
        )

        batch_prediction_body.additional_properties = d
        return batch_prediction_body

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
