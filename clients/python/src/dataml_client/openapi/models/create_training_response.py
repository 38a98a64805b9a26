from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_training_response_problem_type import (
    CreateTrainingResponseProblemType,
)
from ..models.create_training_response_training_status import (
    CreateTrainingResponseTrainingStatus,
)

T = TypeVar("T", bound="CreateTrainingResponse")


@_attrs_define
class CreateTrainingResponse:
    """
    Attributes:
        id (int):  Example: 1.
        tenant_id (UUID):  Example: eb128f85-c955-4f2f-b109-0afa1aed409c.
        predictor_name (str):
        problem_type (CreateTrainingResponseProblemType):
        created_by (str):
        dataset_id (int):  Example: 1.
        created_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        modified_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        training_status (CreateTrainingResponseTrainingStatus):
        workflow_id (str):
    """

    id: int
    tenant_id: UUID
    predictor_name: str
    problem_type: CreateTrainingResponseProblemType
    created_by: str
    dataset_id: int
    created_at: datetime.datetime
    modified_at: datetime.datetime
    training_status: CreateTrainingResponseTrainingStatus
    workflow_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = str(self.tenant_id)

        predictor_name = self.predictor_name

        problem_type = self.problem_type.value

        created_by = self.created_by

        dataset_id = self.dataset_id

        created_at = self.created_at.isoformat()

        modified_at = self.modified_at.isoformat()

        training_status = self.training_status.value

        workflow_id = self.workflow_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "predictor_name": predictor_name,
                "problem_type": problem_type,
                "created_by": created_by,
                "dataset_id": dataset_id,
                "created_at": created_at,
                "modified_at": modified_at,
                "training_status": training_status,
                "workflow_id": workflow_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = UUID(d.pop("tenant_id"))

        predictor_name = d.pop("predictor_name")

        problem_type = CreateTrainingResponseProblemType(d.pop("problem_type"))

        created_by = d.pop("created_by")

        dataset_id = d.pop("dataset_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        training_status = CreateTrainingResponseTrainingStatus(d.pop("training_status"))

        workflow_id = d.pop("workflow_id")

        create_training_response = cls(
            id=id,
            tenant_id=tenant_id,
            predictor_name=predictor_name,
            problem_type=problem_type,
            created_by=created_by,
            dataset_id=dataset_id,
            created_at=created_at,
            modified_at=modified_at,
            training_status=training_status,
            workflow_id=workflow_id,
        )

        create_training_response.additional_properties = d
        return create_training_response

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
