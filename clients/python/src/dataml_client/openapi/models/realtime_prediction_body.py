from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.realtime_prediction_body_features import (
        RealtimePredictionBodyFeatures,
    )


T = TypeVar("T", bound="RealtimePredictionBody")


@_attrs_define
class RealtimePredictionBody:
    """
    Attributes:
        train_id (int | str):  Example: 19.
        preprocess_id (int):  Example: 1.
        features (RealtimePredictionBodyFeatures):  Example: {'Account_No': 1434355, 'Base_Offer_Name': 'B00010'}.
        target (str):  Example: Churn.
        explain (bool | Unset): Also return the feature contributions of this prediction.
    """

    train_id: int | str
    preprocess_id: int
    features: RealtimePredictionBodyFeatures
    target: str
    explain: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        train_id: int | str
        train_id = self.train_id

        preprocess_id = self.preprocess_id

        features = self.features.to_dict()

        target = self.target

        explain = self.explain

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "train_id": train_id,
                "preprocess_id": preprocess_id,
                "features": features,
                "target": target,
            }
        )
        if explain is not UNSET:
            field_dict["explain"] = explain

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.realtime_prediction_body_features import (
            RealtimePredictionBodyFeatures,
        )

        d = dict(src_dict)

        def _parse_train_id(data: object) -> int | str:
            return cast(int | str, data)

        train_id = _parse_train_id(d.pop("train_id"))

        preprocess_id = d.pop("preprocess_id")

        features = RealtimePredictionBodyFeatures.from_dict(d.pop("features"))

        target = d.pop("target")

        explain = d.pop("explain", UNSET)

        realtime_prediction_body = cls(
            train_id=train_id,
            preprocess_id=preprocess_id,
            features=features,
            target=target,
            explain=explain,
        )

        realtime_prediction_body.additional_properties = d
        return realtime_prediction_body

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
