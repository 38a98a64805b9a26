from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.explanation_output import ExplanationOutput

if TYPE_CHECKING:
    from ..models.explanation_outputs import ExplanationOutputs


T = TypeVar("T", bound="Explanation")


@_attrs_define
class Explanation:
    """
    Attributes:
        output (ExplanationOutput):
        calibrated (bool): The probabilities are a calibration of the output explained (auto).
        outputs (ExplanationOutputs): Per explained output: the positive class (binary), every class (multiclass), or
            "prediction".
    """

    output: ExplanationOutput
    calibrated: bool
    outputs: ExplanationOutputs
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        output = self.output.value

        calibrated = self.calibrated

        outputs = self.outputs.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "output": output,
                "calibrated": calibrated,
                "outputs": outputs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.explanation_outputs import ExplanationOutputs

        d = dict(src_dict)
        output = ExplanationOutput(d.pop("output"))

        calibrated = d.pop("calibrated")

        outputs = ExplanationOutputs.from_dict(d.pop("outputs"))

        explanation = cls(
            output=output,
            calibrated=calibrated,
            outputs=outputs,
        )

        explanation.additional_properties = d
        return explanation

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
