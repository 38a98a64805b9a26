from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.view_dataset_response_preview_item import (
        ViewDatasetResponsePreviewItem,
    )


T = TypeVar("T", bound="ViewDatasetResponse")


@_attrs_define
class ViewDatasetResponse:
    """
    Attributes:
        preview (list[ViewDatasetResponsePreviewItem]):
    """

    preview: list[ViewDatasetResponsePreviewItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        preview = []
        for preview_item_data in self.preview:
            preview_item = preview_item_data.to_dict()
            preview.append(preview_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "preview": preview,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.view_dataset_response_preview_item import (
            ViewDatasetResponsePreviewItem,
        )

        d = dict(src_dict)
        preview = []
        _preview = d.pop("preview")
        for preview_item_data in _preview:
            preview_item = ViewDatasetResponsePreviewItem.from_dict(preview_item_data)

            preview.append(preview_item)

        view_dataset_response = cls(
            preview=preview,
        )

        view_dataset_response.additional_properties = d
        return view_dataset_response

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
