from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.model_summary_response_model_summary import (
        ModelSummaryResponseModelSummary,
    )


T = TypeVar("T", bound="ModelSummaryResponse")


@_attrs_define
class ModelSummaryResponse:
    """
    Attributes:
        model_summary (ModelSummaryResponseModelSummary):
        confusion_matrix (list[list[int]] | None):
    """

    model_summary: ModelSummaryResponseModelSummary
    confusion_matrix: list[list[int]] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_summary = self.model_summary.to_dict()

        confusion_matrix: list[list[int]] | None
        if isinstance(self.confusion_matrix, list):
            confusion_matrix = []
            for confusion_matrix_type_0_item_data in self.confusion_matrix:
                confusion_matrix_type_0_item = confusion_matrix_type_0_item_data

                confusion_matrix.append(confusion_matrix_type_0_item)

        else:
            confusion_matrix = self.confusion_matrix

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model_summary": model_summary,
                "confusion_matrix": confusion_matrix,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_summary_response_model_summary import (
            ModelSummaryResponseModelSummary,
        )

        d = dict(src_dict)
        model_summary = ModelSummaryResponseModelSummary.from_dict(
            d.pop("model_summary")
        )

        def _parse_confusion_matrix(data: object) -> list[list[int]] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                confusion_matrix_type_0 = []
                _confusion_matrix_type_0 = data
                for confusion_matrix_type_0_item_data in _confusion_matrix_type_0:
                    confusion_matrix_type_0_item = cast(
                        list[int], confusion_matrix_type_0_item_data
                    )

                    confusion_matrix_type_0.append(confusion_matrix_type_0_item)

                return confusion_matrix_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[list[int]] | None, data)

        confusion_matrix = _parse_confusion_matrix(d.pop("confusion_matrix"))

        model_summary_response = cls(
            model_summary=model_summary,
            confusion_matrix=confusion_matrix,
        )

        model_summary_response.additional_properties = d
        return model_summary_response

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
