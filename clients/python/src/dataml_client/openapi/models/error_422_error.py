from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_422_error_code import Error422ErrorCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="Error422Error")


@_attrs_define
class Error422Error:
    """
    Attributes:
        code (Error422ErrorCode):
        message (str):
        details (Any | Unset):
    """

    code: Error422ErrorCode
    message: str
    details: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        message = self.message

        details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = Error422ErrorCode(d.pop("code"))

        message = d.pop("message")

        details = d.pop("details", UNSET)

        error_422_error = cls(
            code=code,
            message=message,
            details=details,
        )

        error_422_error.additional_properties = d
        return error_422_error

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
