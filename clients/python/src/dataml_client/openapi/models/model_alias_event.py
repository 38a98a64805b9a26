from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_alias_event_action import ModelAliasEventAction

T = TypeVar("T", bound="ModelAliasEvent")


@_attrs_define
class ModelAliasEvent:
    """
    Attributes:
        id (int):  Example: 1.
        alias (str):
        action (ModelAliasEventAction):
        from_train_id (int | None):  Example: 1.
        to_train_id (int | None):  Example: 1.
        username (str):
        reason (None | str):
        created_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
    """

    id: int
    alias: str
    action: ModelAliasEventAction
    from_train_id: int | None
    to_train_id: int | None
    username: str
    reason: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        action = self.action.value

        from_train_id: int | None
        from_train_id = self.from_train_id

        to_train_id: int | None
        to_train_id = self.to_train_id

        username = self.username

        reason: None | str
        reason = self.reason

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "alias": alias,
                "action": action,
                "from_train_id": from_train_id,
                "to_train_id": to_train_id,
                "username": username,
                "reason": reason,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias")

        action = ModelAliasEventAction(d.pop("action"))

        def _parse_from_train_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        from_train_id = _parse_from_train_id(d.pop("from_train_id"))

        def _parse_to_train_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to_train_id = _parse_to_train_id(d.pop("to_train_id"))

        username = d.pop("username")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        model_alias_event = cls(
            id=id,
            alias=alias,
            action=action,
            from_train_id=from_train_id,
            to_train_id=to_train_id,
            username=username,
            reason=reason,
            created_at=created_at,
        )

        model_alias_event.additional_properties = d
        return model_alias_event

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
