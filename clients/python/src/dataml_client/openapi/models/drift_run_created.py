from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.drift_run_created_source import DriftRunCreatedSource
from ..models.drift_run_created_status import DriftRunCreatedStatus

T = TypeVar("T", bound="DriftRunCreated")


@_attrs_define
class DriftRunCreated:
    """
    Attributes:
        drift_run_id (int):  Example: 1.
        workflow_id (str):
        source (DriftRunCreatedSource):
        train_id (int):  Example: 1.
        status (DriftRunCreatedStatus):
    """

    drift_run_id: int
    workflow_id: str
    source: DriftRunCreatedSource
    train_id: int
    status: DriftRunCreatedStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        drift_run_id = self.drift_run_id

        workflow_id = self.workflow_id

        source = self.source.value

        train_id = self.train_id

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drift_run_id": drift_run_id,
                "workflow_id": workflow_id,
                "source": source,
                "train_id": train_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        drift_run_id = d.pop("drift_run_id")

        workflow_id = d.pop("workflow_id")

        source = DriftRunCreatedSource(d.pop("source"))

        train_id = d.pop("train_id")

        status = DriftRunCreatedStatus(d.pop("status"))

        drift_run_created = cls(
            drift_run_id=drift_run_id,
            workflow_id=workflow_id,
            source=source,
            train_id=train_id,
            status=status,
        )

        drift_run_created.additional_properties = d
        return drift_run_created

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
