from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_training_details_response_attributes_item import (
    GetTrainingDetailsResponseAttributesItem,
)
from ..models.get_training_details_response_problem_type import (
    GetTrainingDetailsResponseProblemType,
)

if TYPE_CHECKING:
    from ..models.get_training_details_response_dataset_schema_item import (
        GetTrainingDetailsResponseDatasetSchemaItem,
    )


T = TypeVar("T", bound="GetTrainingDetailsResponse")


@_attrs_define
class GetTrainingDetailsResponse:
    """
    Attributes:
        dataset_id (int):  Example: 1.
        predictor_name (str):
        domain (str):
        problem_type (GetTrainingDetailsResponseProblemType):
        dataset_schema (list[GetTrainingDetailsResponseDatasetSchemaItem]):
        attributes (list[GetTrainingDetailsResponseAttributesItem]):
    """

    dataset_id: int
    predictor_name: str
    domain: str
    problem_type: GetTrainingDetailsResponseProblemType
    dataset_schema: list[GetTrainingDetailsResponseDatasetSchemaItem]
    attributes: list[GetTrainingDetailsResponseAttributesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        predictor_name = self.predictor_name

        domain = self.domain

        problem_type = self.problem_type.value

        dataset_schema = []
        for dataset_schema_item_data in self.dataset_schema:
            dataset_schema_item = dataset_schema_item_data.to_dict()
            dataset_schema.append(dataset_schema_item)

        attributes = []
        for attributes_item_data in self.attributes:
            attributes_item = attributes_item_data.value
            attributes.append(attributes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "predictor_name": predictor_name,
                "domain": domain,
                "problem_type": problem_type,
                "dataset_schema": dataset_schema,
                "attributes": attributes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.get_training_details_response_dataset_schema_item import (
            GetTrainingDetailsResponseDatasetSchemaItem,
        )

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        predictor_name = d.pop("predictor_name")

        domain = d.pop("domain")

        problem_type = GetTrainingDetailsResponseProblemType(d.pop("problem_type"))

        dataset_schema = []
        _dataset_schema = d.pop("dataset_schema")
        for dataset_schema_item_data in _dataset_schema:
            dataset_schema_item = GetTrainingDetailsResponseDatasetSchemaItem.from_dict(
                dataset_schema_item_data
            )

            dataset_schema.append(dataset_schema_item)

        attributes = []
        _attributes = d.pop("attributes")
        for attributes_item_data in _attributes:
            attributes_item = GetTrainingDetailsResponseAttributesItem(
                attributes_item_data
            )

            attributes.append(attributes_item)

        get_training_details_response = cls(
            dataset_id=dataset_id,
            predictor_name=predictor_name,
            domain=domain,
            problem_type=problem_type,
            dataset_schema=dataset_schema,
            attributes=attributes,
        )

        get_training_details_response.additional_properties = d
        return get_training_details_response

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
