from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.explanation import Explanation
    from ..models.realtime_prediction_response_probabilities import (
        RealtimePredictionResponseProbabilities,
    )


T = TypeVar("T", bound="RealtimePredictionResponse")


@_attrs_define
class RealtimePredictionResponse:
    """
    Attributes:
        prediction (bool | float | str):
        accuracy (float | None):
        probabilities (RealtimePredictionResponseProbabilities | Unset):
        explanation (Explanation | Unset):
    """

    prediction: bool | float | str
    accuracy: float | None
    probabilities: RealtimePredictionResponseProbabilities | Unset = UNSET
    explanation: Explanation | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prediction: bool | float | str
        prediction = self.prediction

        accuracy: float | None
        accuracy = self.accuracy

        probabilities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.probabilities, Unset):
            probabilities = self.probabilities.to_dict()

        explanation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.explanation, Unset):
            explanation = self.explanation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prediction": prediction,
                "accuracy": accuracy,
            }
        )
        if probabilities is not UNSET:
            field_dict["probabilities"] = probabilities
        if explanation is not UNSET:
            field_dict["explanation"] = explanation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.explanation import Explanation
        from ..models.realtime_prediction_response_probabilities import (
            RealtimePredictionResponseProbabilities,
        )

        d = dict(src_dict)

        def _parse_prediction(data: object) -> bool | float | str:
            return cast(bool | float | str, data)

        prediction = _parse_prediction(d.pop("prediction"))

        def _parse_accuracy(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        accuracy = _parse_accuracy(d.pop("accuracy"))

        _probabilities = d.pop("probabilities", UNSET)
        probabilities: RealtimePredictionResponseProbabilities | Unset
        if isinstance(_probabilities, Unset):
            probabilities = UNSET
        else:
            probabilities = RealtimePredictionResponseProbabilities.from_dict(
                _probabilities
            )

        _explanation = d.pop("explanation", UNSET)
        explanation: Explanation | Unset
        if isinstance(_explanation, Unset):
            explanation = UNSET
        else:
            explanation = Explanation.from_dict(_explanation)

        realtime_prediction_response = cls(
            prediction=prediction,
            accuracy=accuracy,
            probabilities=probabilities,
            explanation=explanation,
        )

        realtime_prediction_response.additional_properties = d
        return realtime_prediction_response

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
