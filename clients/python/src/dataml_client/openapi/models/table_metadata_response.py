from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TableMetadataResponse")


@_attrs_define
class TableMetadataResponse:
    """
    Attributes:
        schema (str):
        table (str):
        owner (None | str):
        created_time (None | str):
        last_access_time (None | str):
        location (str):
        format_ (str):  Example: iceberg.
    """

    schema: str
    table: str
    owner: None | str
    created_time: None | str
    last_access_time: None | str
    location: str
    format_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schema = self.schema

        table = self.table

        owner: None | str
        owner = self.owner

        created_time: None | str
        created_time = self.created_time

        last_access_time: None | str
        last_access_time = self.last_access_time

        location = self.location

        format_ = self.format_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "schema": schema,
                "table": table,
                "owner": owner,
                "created_time": created_time,
                "last_access_time": last_access_time,
                "location": location,
                "format": format_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        schema = d.pop("schema")

        table = d.pop("table")

        def _parse_owner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner = _parse_owner(d.pop("owner"))

        def _parse_created_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_time = _parse_created_time(d.pop("created_time"))

        def _parse_last_access_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_access_time = _parse_last_access_time(d.pop("last_access_time"))

        location = d.pop("location")

        format_ = d.pop("format")

        table_metadata_response = cls(
            schema=schema,
            table=table,
            owner=owner,
            created_time=created_time,
            last_access_time=last_access_time,
            location=location,
            format_=format_,
        )

        table_metadata_response.additional_properties = d
        return table_metadata_response

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
