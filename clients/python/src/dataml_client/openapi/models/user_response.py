from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UserResponse")


@_attrs_define
class UserResponse:
    """
    Attributes:
        id (int):  Example: 1.
        tenant_id (UUID):  Example: eb128f85-c955-4f2f-b109-0afa1aed409c.
        first_name (None | str):
        last_name (None | str):
        email (str):
        username (str):
        is_active (bool):
    """

    id: int
    tenant_id: UUID
    first_name: None | str
    last_name: None | str
    email: str
    username: str
    is_active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = str(self.tenant_id)

        first_name: None | str
        first_name = self.first_name

        last_name: None | str
        last_name = self.last_name

        email = self.email

        username = self.username

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "first_name": first_name,
                "last_name": last_name,
                "email": email,
                "username": username,
                "is_active": is_active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = UUID(d.pop("tenant_id"))

        def _parse_first_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_name = _parse_first_name(d.pop("first_name"))

        def _parse_last_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_name = _parse_last_name(d.pop("last_name"))

        email = d.pop("email")

        username = d.pop("username")

        is_active = d.pop("is_active")

        user_response = cls(
            id=id,
            tenant_id=tenant_id,
            first_name=first_name,
            last_name=last_name,
            email=email,
            username=username,
            is_active=is_active,
        )

        user_response.additional_properties = d
        return user_response

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
