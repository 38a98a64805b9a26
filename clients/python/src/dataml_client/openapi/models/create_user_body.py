from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateUserBody")


@_attrs_define
class CreateUserBody:
    """
    Attributes:
        tenant_id (UUID):  Example: eb128f85-c955-4f2f-b109-0afa1aed409c.
        email (str):  Example: jane.doe@example.com.
        username (str):  Example: johndoe.
        password (str):  Example: Password123!.
        first_name (str | Unset):
        last_name (str | Unset):
    """

    tenant_id: UUID
    email: str
    username: str
    password: str
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = str(self.tenant_id)

        email = self.email

        username = self.username

        password = self.password

        first_name = self.first_name

        last_name = self.last_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "email": email,
                "username": username,
                "password": password,
            }
        )
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tenant_id = UUID(d.pop("tenant_id"))

        email = d.pop("email")

        username = d.pop("username")

        password = d.pop("password")

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        create_user_body = cls(
            tenant_id=tenant_id,
            email=email,
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
        )

        create_user_body.additional_properties = d
        return create_user_body

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
