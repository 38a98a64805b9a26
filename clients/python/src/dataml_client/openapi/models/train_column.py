from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.train_column_attribute_name import TrainColumnAttributeName
from ..models.train_column_data_type import TrainColumnDataType

T = TypeVar("T", bound="TrainColumn")


@_attrs_define
class TrainColumn:
    """
    Attributes:
        column_name (str):
        data_type (TrainColumnDataType):
        attribute_name (TrainColumnAttributeName):
    """

    column_name: str
    data_type: TrainColumnDataType
    attribute_name: TrainColumnAttributeName
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column_name = self.column_name

        data_type = self.data_type.value

        attribute_name = self.attribute_name.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column_name": column_name,
                "data_type": data_type,
                "attribute_name": attribute_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        column_name = d.pop("column_name")

        data_type = TrainColumnDataType(d.pop("data_type"))

        attribute_name = TrainColumnAttributeName(d.pop("attribute_name"))

        train_column = cls(
            column_name=column_name,
            data_type=data_type,
            attribute_name=attribute_name,
        )

        train_column.additional_properties = d
        return train_column

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
