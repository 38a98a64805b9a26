from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.shap_result_callback_body_result import ShapResultCallbackBodyResult


T = TypeVar("T", bound="ShapResultCallbackBody")


@_attrs_define
class ShapResultCallbackBody:
    """
    Attributes:
        training_id (int):  Example: 1.
        result (ShapResultCallbackBodyResult):
    """

    training_id: int
    result: ShapResultCallbackBodyResult
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        training_id = self.training_id

        result = self.result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "training_id": training_id,
                "result": result,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.shap_result_callback_body_result import (
            ShapResultCallbackBodyResult,
        )

        d = dict(src_dict)
        training_id = d.pop("training_id")

        result = ShapResultCallbackBodyResult.from_dict(d.pop("result"))

        shap_result_callback_body = cls(
            training_id=training_id,
            result=result,
        )

        shap_result_callback_body.additional_properties = d
        return shap_result_callback_body

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
