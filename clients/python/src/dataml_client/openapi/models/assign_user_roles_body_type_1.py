from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="AssignUserRolesBodyType1")


@_attrs_define
class AssignUserRolesBodyType1:
    """
    Attributes:
        role_names (list[str]):
    """

    role_names: list[str]

    def to_dict(self) -> dict[str, Any]:
        role_names = self.role_names

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role_names": role_names,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role_names = cast(list[str], d.pop("role_names"))

        assign_user_roles_body_type_1 = cls(
            role_names=role_names,
        )

        return assign_user_roles_body_type_1
