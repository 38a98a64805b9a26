from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.download_training_schema_response_schema_item import (
        DownloadTrainingSchemaResponseSchemaItem,
    )


T = TypeVar("T", bound="DownloadTrainingSchemaResponse")


@_attrs_define
class DownloadTrainingSchemaResponse:
    """
    Attributes:
        schema (list[DownloadTrainingSchemaResponseSchemaItem]):
    """

    schema: list[DownloadTrainingSchemaResponseSchemaItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schema = []
        for schema_item_data in self.schema:
            schema_item = schema_item_data.to_dict()
            schema.append(schema_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "schema": schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.download_training_schema_response_schema_item import (
            DownloadTrainingSchemaResponseSchemaItem,
        )

        d = dict(src_dict)
        schema = []
        _schema = d.pop("schema")
        for schema_item_data in _schema:
            schema_item = DownloadTrainingSchemaResponseSchemaItem.from_dict(
                schema_item_data
            )

            schema.append(schema_item)

        download_training_schema_response = cls(
            schema=schema,
        )

        download_training_schema_response.additional_properties = d
        return download_training_schema_response

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
