from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.retrain_run_promotion_type_0_decision import (
    RetrainRunPromotionType0Decision,
)

T = TypeVar("T", bound="RetrainRunPromotionType0")


@_attrs_define
class RetrainRunPromotionType0:
    """
    Attributes:
        alias (str):
        decision (RetrainRunPromotionType0Decision):
        rule (str):
        metric (None | str):
        new_value (float | None):
        current_train_id (int | None):  Example: 1.
        current_value (float | None):
    """

    alias: str
    decision: RetrainRunPromotionType0Decision
    rule: str
    metric: None | str
    new_value: float | None
    current_train_id: int | None
    current_value: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alias = self.alias

        decision = self.decision.value

        rule = self.rule

        metric: None | str
        metric = self.metric

        new_value: float | None
        new_value = self.new_value

        current_train_id: int | None
        current_train_id = self.current_train_id

        current_value: float | None
        current_value = self.current_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alias": alias,
                "decision": decision,
                "rule": rule,
                "metric": metric,
                "new_value": new_value,
                "current_train_id": current_train_id,
                "current_value": current_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        alias = d.pop("alias")

        decision = RetrainRunPromotionType0Decision(d.pop("decision"))

        rule = d.pop("rule")

        def _parse_metric(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        metric = _parse_metric(d.pop("metric"))

        def _parse_new_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        new_value = _parse_new_value(d.pop("new_value"))

        def _parse_current_train_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        current_train_id = _parse_current_train_id(d.pop("current_train_id"))

        def _parse_current_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        current_value = _parse_current_value(d.pop("current_value"))

        retrain_run_promotion_type_0 = cls(
            alias=alias,
            decision=decision,
            rule=rule,
            metric=metric,
            new_value=new_value,
            current_train_id=current_train_id,
            current_value=current_value,
        )

        retrain_run_promotion_type_0.additional_properties = d
        return retrain_run_promotion_type_0

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
