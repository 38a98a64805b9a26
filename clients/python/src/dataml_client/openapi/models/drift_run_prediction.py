from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.drift_comparison_kind import DriftComparisonKind
from ..models.drift_comparison_test import DriftComparisonTest

if TYPE_CHECKING:
    from ..models.drift_comparison_current import DriftComparisonCurrent
    from ..models.drift_comparison_reference import DriftComparisonReference


T = TypeVar("T", bound="DriftRunPrediction")


@_attrs_define
class DriftRunPrediction:
    """
    Attributes:
        kind (DriftComparisonKind):
        psi (float):
        test (DriftComparisonTest):
        statistic (float | None):
        effect (float | None):
        p_value (float | None):
        flagged (bool):
        reference (DriftComparisonReference): Numeric: mean, std, p10, p50, p90, missing_share. Categorical: share per
            level (top 20, "__missing__" for missing).
        current (DriftComparisonCurrent): Numeric: mean, std, p10, p50, p90, missing_share. Categorical: share per level
            (top 20, "__missing__" for missing).
    """

    kind: DriftComparisonKind
    psi: float
    test: DriftComparisonTest
    statistic: float | None
    effect: float | None
    p_value: float | None
    flagged: bool
    reference: DriftComparisonReference
    current: DriftComparisonCurrent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        psi = self.psi

        test = self.test.value

        statistic: float | None
        statistic = self.statistic

        effect: float | None
        effect = self.effect

        p_value: float | None
        p_value = self.p_value

        flagged = self.flagged

        reference = self.reference.to_dict()

        current = self.current.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "psi": psi,
                "test": test,
                "statistic": statistic,
                "effect": effect,
                "p_value": p_value,
                "flagged": flagged,
                "reference": reference,
                "current": current,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.drift_comparison_current import DriftComparisonCurrent
        from ..models.drift_comparison_reference import DriftComparisonReference

        d = dict(src_dict)
        kind = DriftComparisonKind(d.pop("kind"))

        psi = d.pop("psi")

        test = DriftComparisonTest(d.pop("test"))

        def _parse_statistic(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        statistic = _parse_statistic(d.pop("statistic"))

        def _parse_effect(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        effect = _parse_effect(d.pop("effect"))

        def _parse_p_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p_value = _parse_p_value(d.pop("p_value"))

        flagged = d.pop("flagged")

        reference = DriftComparisonReference.from_dict(d.pop("reference"))

        current = DriftComparisonCurrent.from_dict(d.pop("current"))

        drift_run_prediction = cls(
            kind=kind,
            psi=psi,
            test=test,
            statistic=statistic,
            effect=effect,
            p_value=p_value,
            flagged=flagged,
            reference=reference,
            current=current,
        )

        drift_run_prediction.additional_properties = d
        return drift_run_prediction

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
