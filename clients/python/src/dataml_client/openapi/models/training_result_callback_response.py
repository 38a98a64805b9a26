from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.training_result_callback_response_status import (
    TrainingResultCallbackResponseStatus,
)

T = TypeVar("T", bound="TrainingResultCallbackResponse")


@_attrs_define
class TrainingResultCallbackResponse:
    """
    Attributes:
        status (TrainingResultCallbackResponseStatus):
        message (str):
    """

    status: TrainingResultCallbackResponseStatus
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = TrainingResultCallbackResponseStatus(d.pop("status"))

        message = d.pop("message")

        training_result_callback_response = cls(
            status=status,
            message=message,
        )

        training_result_callback_response.additional_properties = d
        return training_result_callback_response

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
