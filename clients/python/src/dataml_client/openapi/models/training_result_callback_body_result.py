from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.training_result_callback_body_result_metrics_type_0 import (
        TrainingResultCallbackBodyResultMetricsType0,
    )


T = TypeVar("T", bound="TrainingResultCallbackBodyResult")


@_attrs_define
class TrainingResultCallbackBodyResult:
    """
    Attributes:
        metrics (None | TrainingResultCallbackBodyResultMetricsType0 | Unset):
        checkpoint (None | str | Unset):
        error (None | str | Unset):
        path (None | str | Unset):
    """

    metrics: None | TrainingResultCallbackBodyResultMetricsType0 | Unset = UNSET
    checkpoint: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    path: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.training_result_callback_body_result_metrics_type_0 import (
            TrainingResultCallbackBodyResultMetricsType0,
        )

        metrics: dict[str, Any] | None | Unset
        if isinstance(self.metrics, Unset):
            metrics = UNSET
        elif isinstance(self.metrics, TrainingResultCallbackBodyResultMetricsType0):
            metrics = self.metrics.to_dict()
        else:
            metrics = self.metrics

        checkpoint: None | str | Unset
        if isinstance(self.checkpoint, Unset):
            checkpoint = UNSET
        else:
            checkpoint = self.checkpoint

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        path: None | str | Unset
        if isinstance(self.path, Unset):
            path = UNSET
        else:
            path = self.path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if checkpoint is not UNSET:
            field_dict["checkpoint"] = checkpoint
        if error is not UNSET:
            field_dict["error"] = error
        if path is not UNSET:
            field_dict["path"] = path

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.training_result_callback_body_result_metrics_type_0 import (
            TrainingResultCallbackBodyResultMetricsType0,
        )

        d = dict(src_dict)

        def _parse_metrics(
            data: object,
        ) -> None | TrainingResultCallbackBodyResultMetricsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metrics_type_0 = TrainingResultCallbackBodyResultMetricsType0.from_dict(
                    data
                )

                return metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None | TrainingResultCallbackBodyResultMetricsType0 | Unset, data
            )

        metrics = _parse_metrics(d.pop("metrics", UNSET))

        def _parse_checkpoint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        checkpoint = _parse_checkpoint(d.pop("checkpoint", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        path = _parse_path(d.pop("path", UNSET))

        training_result_callback_body_result = cls(
            metrics=metrics,
            checkpoint=checkpoint,
            error=error,
            path=path,
        )

        training_result_callback_body_result.additional_properties = d
        return training_result_callback_body_result

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
