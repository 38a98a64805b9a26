from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_training_details_body_problem_type import (
    GetTrainingDetailsBodyProblemType,
)

T = TypeVar("T", bound="GetTrainingDetailsBody")


@_attrs_define
class GetTrainingDetailsBody:
    """
    Attributes:
        dataset_id (int):  Example: 1.
        predictor_name (str):  Example: churn_v1.
        domain (str):
        problem_type (GetTrainingDetailsBodyProblemType):
    """

    dataset_id: int
    predictor_name: str
    domain: str
    problem_type: GetTrainingDetailsBodyProblemType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        predictor_name = self.predictor_name

        domain = self.domain

        problem_type = self.problem_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "predictor_name": predictor_name,
                "domain": domain,
                "problem_type": problem_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        predictor_name = d.pop("predictor_name")

        domain = d.pop("domain")

        problem_type = GetTrainingDetailsBodyProblemType(d.pop("problem_type"))

        get_training_details_body = cls(
            dataset_id=dataset_id,
            predictor_name=predictor_name,
            domain=domain,
            problem_type=problem_type,
        )

        get_training_details_body.additional_properties = d
        return get_training_details_body

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
