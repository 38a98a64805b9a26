from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_statistics_response_status import GetStatisticsResponseStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.column_statistics import ColumnStatistics


T = TypeVar("T", bound="GetStatisticsResponse")


@_attrs_define
class GetStatisticsResponse:
    """
    Attributes:
        dataset_id (int):  Example: 1.
        status (GetStatisticsResponseStatus):
        workflow_id (str):
        computed_at (datetime.datetime | None):  Example: 2025-09-18T10:00:00Z.
        columns (list[ColumnStatistics]):
        message (None | str | Unset):
        snapshot_id (None | str | Unset):
    """

    dataset_id: int
    status: GetStatisticsResponseStatus
    workflow_id: str
    computed_at: datetime.datetime | None
    columns: list[ColumnStatistics]
    message: None | str | Unset = UNSET
    snapshot_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        status = self.status.value

        workflow_id = self.workflow_id

        computed_at: None | str
        if isinstance(self.computed_at, datetime.datetime):
            computed_at = self.computed_at.isoformat()
        else:
            computed_at = self.computed_at

        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        snapshot_id: None | str | Unset
        if isinstance(self.snapshot_id, Unset):
            snapshot_id = UNSET
        else:
            snapshot_id = self.snapshot_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "status": status,
                "workflow_id": workflow_id,
                "computed_at": computed_at,
                "columns": columns,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if snapshot_id is not UNSET:
            field_dict["snapshot_id"] = snapshot_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.column_statistics import ColumnStatistics

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        status = GetStatisticsResponseStatus(d.pop("status"))

        workflow_id = d.pop("workflow_id")

        def _parse_computed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                computed_at_type_0 = datetime.datetime.fromisoformat(data)

                return computed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        computed_at = _parse_computed_at(d.pop("computed_at"))

        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = ColumnStatistics.from_dict(columns_item_data)

            columns.append(columns_item)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_snapshot_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snapshot_id = _parse_snapshot_id(d.pop("snapshot_id", UNSET))

        get_statistics_response = cls(
            dataset_id=dataset_id,
            status=status,
            workflow_id=workflow_id,
            computed_at=computed_at,
            columns=columns,
            message=message,
            snapshot_id=snapshot_id,
        )

        get_statistics_response.additional_properties = d
        return get_statistics_response

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
