from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.readiness_response_status import ReadinessResponseStatus

if TYPE_CHECKING:
    from ..models.readiness_response_dependencies import ReadinessResponseDependencies


T = TypeVar("T", bound="ReadinessResponse")


@_attrs_define
class ReadinessResponse:
    """
    Attributes:
        status (ReadinessResponseStatus):
        dependencies (ReadinessResponseDependencies):
    """

    status: ReadinessResponseStatus
    dependencies: ReadinessResponseDependencies
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        dependencies = self.dependencies.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "dependencies": dependencies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.readiness_response_dependencies import (
            ReadinessResponseDependencies,
        )

        d = dict(src_dict)
        status = ReadinessResponseStatus(d.pop("status"))

        dependencies = ReadinessResponseDependencies.from_dict(d.pop("dependencies"))

        readiness_response = cls(
            status=status,
            dependencies=dependencies,
        )

        readiness_response.additional_properties = d
        return readiness_response

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
