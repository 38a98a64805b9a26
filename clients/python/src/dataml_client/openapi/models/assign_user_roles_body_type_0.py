from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="AssignUserRolesBodyType0")


@_attrs_define
class AssignUserRolesBodyType0:
    """
    Attributes:
        role_ids (list[int]):
    """

    role_ids: list[int]

    def to_dict(self) -> dict[str, Any]:
        role_ids = self.role_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role_ids": role_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role_ids = cast(list[int], d.pop("role_ids"))

        assign_user_roles_body_type_0 = cls(
            role_ids=role_ids,
        )

        return assign_user_roles_body_type_0
