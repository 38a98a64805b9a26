from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.form_based_prediction_response_headers_item import (
        FormBasedPredictionResponseHeadersItem,
    )


T = TypeVar("T", bound="FormBasedPredictionResponse")


@_attrs_define
class FormBasedPredictionResponse:
    """
    Attributes:
        id (int):  Example: 1.
        headers (list[FormBasedPredictionResponseHeadersItem]):
        target (str):
        preprocess_id (int):  Example: 1.
    """

    id: int
    headers: list[FormBasedPredictionResponseHeadersItem]
    target: str
    preprocess_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        headers = []
        for headers_item_data in self.headers:
            headers_item = headers_item_data.to_dict()
            headers.append(headers_item)

        target = self.target

        preprocess_id = self.preprocess_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "headers": headers,
                "target": target,
                "preprocess_id": preprocess_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.form_based_prediction_response_headers_item import (
            FormBasedPredictionResponseHeadersItem,
        )

        d = dict(src_dict)
        id = d.pop("id")

        headers = []
        _headers = d.pop("headers")
        for headers_item_data in _headers:
            headers_item = FormBasedPredictionResponseHeadersItem.from_dict(
                headers_item_data
            )

            headers.append(headers_item)

        target = d.pop("target")

        preprocess_id = d.pop("preprocess_id")

        form_based_prediction_response = cls(
            id=id,
            headers=headers,
            target=target,
            preprocess_id=preprocess_id,
        )

        form_based_prediction_response.additional_properties = d
        return form_based_prediction_response

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
