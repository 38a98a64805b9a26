from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.create_webhook_body_events_item import CreateWebhookBodyEventsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateWebhookBody")


@_attrs_define
class CreateWebhookBody:
    """
    Attributes:
        url (str):  Example: https://hooks.example.com/dataml.
        events (list[CreateWebhookBodyEventsItem]):
        enabled (bool | Unset):  Default: True.
        description (str | Unset):
    """

    url: str
    events: list[CreateWebhookBodyEventsItem]
    enabled: bool | Unset = True
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        enabled = self.enabled

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "events": events,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = CreateWebhookBodyEventsItem(events_item_data)

            events.append(events_item)

        enabled = d.pop("enabled", UNSET)

        description = d.pop("description", UNSET)

        create_webhook_body = cls(
            url=url,
            events=events,
            enabled=enabled,
            description=description,
        )

        return create_webhook_body
