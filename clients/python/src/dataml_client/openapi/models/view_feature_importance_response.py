from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.view_feature_importance_response_status import (
    ViewFeatureImportanceResponseStatus,
)

if TYPE_CHECKING:
    from ..models.view_feature_importance_response_feature_importance_type_0 import (
        ViewFeatureImportanceResponseFeatureImportanceType0,
    )


T = TypeVar("T", bound="ViewFeatureImportanceResponse")


@_attrs_define
class ViewFeatureImportanceResponse:
    """
    Attributes:
        feature_importance (None | ViewFeatureImportanceResponseFeatureImportanceType0):
        status (ViewFeatureImportanceResponseStatus):
    """

    feature_importance: None | ViewFeatureImportanceResponseFeatureImportanceType0
    status: ViewFeatureImportanceResponseStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.view_feature_importance_response_feature_importance_type_0 import (
            ViewFeatureImportanceResponseFeatureImportanceType0,
        )

        feature_importance: dict[str, Any] | None
        if isinstance(
            self.feature_importance, ViewFeatureImportanceResponseFeatureImportanceType0
        ):
            feature_importance = self.feature_importance.to_dict()
        else:
            feature_importance = self.feature_importance

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feature_importance": feature_importance,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.view_feature_importance_response_feature_importance_type_0 import (
            ViewFeatureImportanceResponseFeatureImportanceType0,
        )

        d = dict(src_dict)

        def _parse_feature_importance(
            data: object,
        ) -> None | ViewFeatureImportanceResponseFeatureImportanceType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                feature_importance_type_0 = (
                    ViewFeatureImportanceResponseFeatureImportanceType0.from_dict(data)
                )

                return feature_importance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None | ViewFeatureImportanceResponseFeatureImportanceType0, data
            )

        feature_importance = _parse_feature_importance(d.pop("feature_importance"))

        status = ViewFeatureImportanceResponseStatus(d.pop("status"))

        view_feature_importance_response = cls(
            feature_importance=feature_importance,
            status=status,
        )

        view_feature_importance_response.additional_properties = d
        return view_feature_importance_response

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
