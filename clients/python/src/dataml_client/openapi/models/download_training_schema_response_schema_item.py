from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.download_training_schema_response_schema_item_data_type import (
    DownloadTrainingSchemaResponseSchemaItemDataType,
)

T = TypeVar("T", bound="DownloadTrainingSchemaResponseSchemaItem")


@_attrs_define
class DownloadTrainingSchemaResponseSchemaItem:
    """
    Attributes:
        column_name (str):
        data_type (DownloadTrainingSchemaResponseSchemaItemDataType):
    """

    column_name: str
    data_type: DownloadTrainingSchemaResponseSchemaItemDataType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column_name = self.column_name

        data_type = self.data_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column_name": column_name,
                "data_type": data_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        column_name = d.pop("column_name")

        data_type = DownloadTrainingSchemaResponseSchemaItemDataType(d.pop("data_type"))

        download_training_schema_response_schema_item = cls(
            column_name=column_name,
            data_type=data_type,
        )

        download_training_schema_response_schema_item.additional_properties = d
        return download_training_schema_response_schema_item

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
