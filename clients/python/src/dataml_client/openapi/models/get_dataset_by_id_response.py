from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetDatasetByIdResponse")


@_attrs_define
class GetDatasetByIdResponse:
    """
    Attributes:
        dataset_name (str):
        dataset_path (str):
        validated_path (None | str):
        iceberg_table_name (None | str):
        data_source (str):
    """

    dataset_name: str
    dataset_path: str
    validated_path: None | str
    iceberg_table_name: None | str
    data_source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_name = self.dataset_name

        dataset_path = self.dataset_path

        validated_path: None | str
        validated_path = self.validated_path

        iceberg_table_name: None | str
        iceberg_table_name = self.iceberg_table_name

        data_source = self.data_source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_name": dataset_name,
                "dataset_path": dataset_path,
                "validated_path": validated_path,
                "iceberg_table_name": iceberg_table_name,
                "data_source": data_source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dataset_name = d.pop("dataset_name")

        dataset_path = d.pop("dataset_path")

        def _parse_validated_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        validated_path = _parse_validated_path(d.pop("validated_path"))

        def _parse_iceberg_table_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        iceberg_table_name = _parse_iceberg_table_name(d.pop("iceberg_table_name"))

        data_source = d.pop("data_source")

        get_dataset_by_id_response = cls(
            dataset_name=dataset_name,
            dataset_path=dataset_path,
            validated_path=validated_path,
            iceberg_table_name=iceberg_table_name,
            data_source=data_source,
        )

        get_dataset_by_id_response.additional_properties = d
        return get_dataset_by_id_response

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
