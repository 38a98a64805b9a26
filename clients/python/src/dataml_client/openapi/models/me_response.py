from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.me_links import MeLinks


T = TypeVar("T", bound="MeResponse")


@_attrs_define
class MeResponse:
    """
    Attributes:
        id (int):  Example: 1.
        tenant_id (UUID):  Example: eb128f85-c955-4f2f-b109-0afa1aed409c.
        first_name (None | str):
        last_name (None | str):
        email (str):
        username (str):
        is_active (bool):
        roles (list[str]):  Example: ['data_scientist'].
        permissions (list[str]):  Example: ['can_read_datasets', 'can_upload_dataset'].
        links (MeLinks | None):
    """

    id: int
    tenant_id: UUID
    first_name: None | str
    last_name: None | str
    email: str
    username: str
    is_active: bool
    roles: list[str]
    permissions: list[str]
    links: MeLinks | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.me_links import MeLinks

        id = self.id

        tenant_id = str(self.tenant_id)

        first_name: None | str
        first_name = self.first_name

        last_name: None | str
        last_name = self.last_name

        email = self.email

        username = self.username

        is_active = self.is_active

        roles = self.roles

        permissions = self.permissions

        links: dict[str, Any] | None
        if isinstance(self.links, MeLinks):
            links = self.links.to_dict()
        else:
            links = self.links

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
                "roles": roles,
                "permissions": permissions,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.me_links import MeLinks

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

        roles = cast(list[str], d.pop("roles"))

        permissions = cast(list[str], d.pop("permissions"))

        def _parse_links(data: object) -> MeLinks | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                links_type_0 = MeLinks.from_dict(data)

                return links_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeLinks | None, data)

        links = _parse_links(d.pop("links"))

        me_response = cls(
            id=id,
            tenant_id=tenant_id,
            first_name=first_name,
            last_name=last_name,
            email=email,
            username=username,
            is_active=is_active,
            roles=roles,
            permissions=permissions,
            links=links,
        )

        me_response.additional_properties = d
        return me_response

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
