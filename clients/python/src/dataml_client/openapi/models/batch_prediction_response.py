from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BatchPredictionResponse")


@_attrs_define
class BatchPredictionResponse:
    """
    Attributes:
        message (str):
        status_code (int):  Example: 202.
        prediction_id (int):  Example: 1.
    """

    message: str
    status_code: int
    prediction_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        status_code = self.status_code

        prediction_id = self.prediction_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "status_code": status_code,
                "prediction_id": prediction_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("message")

        status_code = d.pop("status_code")

        prediction_id = d.pop("prediction_id")

        batch_prediction_response = cls(
            message=message,
            status_code=status_code,
            prediction_id=prediction_id,
        )

        batch_prediction_response.additional_properties = d
        return batch_prediction_response

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
