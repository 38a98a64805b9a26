from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReadinessResponseDependenciesTemporal")


@_attrs_define
class ReadinessResponseDependenciesTemporal:
    """
    Attributes:
        ready (bool):
        latency_ms (float):
        detail (str | Unset):
    """

    ready: bool
    latency_ms: float
    detail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ready = self.ready

        latency_ms = self.latency_ms

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ready": ready,
                "latency_ms": latency_ms,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ready = d.pop("ready")

        latency_ms = d.pop("latency_ms")

        detail = d.pop("detail", UNSET)

        readiness_response_dependencies_temporal = cls(
            ready=ready,
            latency_ms=latency_ms,
            detail=detail,
        )

        readiness_response_dependencies_temporal.additional_properties = d
        return readiness_response_dependencies_temporal

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
