from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="AttachRolePermissionsBodyType1")


@_attrs_define
class AttachRolePermissionsBodyType1:
    """
    Attributes:
        permission_names (list[str]):
    """

    permission_names: list[str]

    def to_dict(self) -> dict[str, Any]:
        permission_names = self.permission_names

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "permission_names": permission_names,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        permission_names = cast(list[str], d.pop("permission_names"))

        attach_role_permissions_body_type_1 = cls(
            permission_names=permission_names,
        )

        return attach_role_permissions_body_type_1
