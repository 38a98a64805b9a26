from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MeLinks")


@_attrs_define
class MeLinks:
    """Where the job dashboards are (deep links to a job's workflow and Ray job); null without can_read_jobs

    Attributes:
        temporal_ui (str): Temporal Web UI root Example: http://127.0.0.1:8233.
        temporal_namespace (str):  Example: default.
        ray_dashboard (str): Ray dashboard root Example: http://127.0.0.1:8265.
    """

    temporal_ui: str
    temporal_namespace: str
    ray_dashboard: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        temporal_ui = self.temporal_ui

        temporal_namespace = self.temporal_namespace

        ray_dashboard = self.ray_dashboard

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "temporal_ui": temporal_ui,
                "temporal_namespace": temporal_namespace,
                "ray_dashboard": ray_dashboard,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        temporal_ui = d.pop("temporal_ui")

        temporal_namespace = d.pop("temporal_namespace")

        ray_dashboard = d.pop("ray_dashboard")

        me_links = cls(
            temporal_ui=temporal_ui,
            temporal_namespace=temporal_namespace,
            ray_dashboard=ray_dashboard,
        )

        me_links.additional_properties = d
        return me_links

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
