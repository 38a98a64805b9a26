from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="AttachRolePermissionsBodyType0")


@_attrs_define
class AttachRolePermissionsBodyType0:
    """
    Attributes:
        permission_ids (list[int]):
    """

    permission_ids: list[int]

    def to_dict(self) -> dict[str, Any]:
        permission_ids = self.permission_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "permission_ids": permission_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        permission_ids = cast(list[int], d.pop("permission_ids"))

        attach_role_permissions_body_type_0 = cls(
            permission_ids=permission_ids,
        )

        return attach_role_permissions_body_type_0
