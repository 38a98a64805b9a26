from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookPingResponse")


@_attrs_define
class WebhookPingResponse:
    """
    Attributes:
        event_id (str):
        delivery_id (int):  Example: 1.
        workflow_id (str):
    """

    event_id: str
    delivery_id: int
    workflow_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        delivery_id = self.delivery_id

        workflow_id = self.workflow_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "delivery_id": delivery_id,
                "workflow_id": workflow_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_id = d.pop("event_id")

        delivery_id = d.pop("delivery_id")

        workflow_id = d.pop("workflow_id")

        webhook_ping_response = cls(
            event_id=event_id,
            delivery_id=delivery_id,
            workflow_id=workflow_id,
        )

        webhook_ping_response.additional_properties = d
        return webhook_ping_response

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
