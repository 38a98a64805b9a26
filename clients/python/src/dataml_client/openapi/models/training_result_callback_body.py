from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.training_result_callback_body_result import (
        TrainingResultCallbackBodyResult,
    )


T = TypeVar("T", bound="TrainingResultCallbackBody")


@_attrs_define
class TrainingResultCallbackBody:
    """
    Attributes:
        result (TrainingResultCallbackBodyResult):
        train_id (int | Unset):  Example: 1.
        preprocess_id (int | str | Unset):
    """

    result: TrainingResultCallbackBodyResult
    train_id: int | Unset = UNSET
    preprocess_id: int | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result.to_dict()

        train_id = self.train_id

        preprocess_id: int | str | Unset
        if isinstance(self.preprocess_id, Unset):
            preprocess_id = UNSET
        else:
            preprocess_id = self.preprocess_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
            }
        )
        if train_id is not UNSET:
            field_dict["train_id"] = train_id
        if preprocess_id is not UNSET:
            field_dict["preprocess_id"] = preprocess_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.training_result_callback_body_result import (
            TrainingResultCallbackBodyResult,
        )

        d = dict(src_dict)
        result = TrainingResultCallbackBodyResult.from_dict(d.pop("result"))

        train_id = d.pop("train_id", UNSET)

        def _parse_preprocess_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        preprocess_id = _parse_preprocess_id(d.pop("preprocess_id", UNSET))

        training_result_callback_body = cls(
            result=result,
            train_id=train_id,
            preprocess_id=preprocess_id,
        )

        training_result_callback_body.additional_properties = d
        return training_result_callback_body

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
