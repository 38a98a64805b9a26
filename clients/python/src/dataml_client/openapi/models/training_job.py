from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.training_job_algorithm_type_1 import TrainingJobAlgorithmType1
from ..models.training_job_algorithm_type_2_type_1 import TrainingJobAlgorithmType2Type1
from ..models.training_job_algorithm_type_3_type_1 import TrainingJobAlgorithmType3Type1
from ..models.training_job_ml_model_status import TrainingJobMlModelStatus
from ..models.training_job_problem_type import TrainingJobProblemType
from ..models.training_job_train_status import TrainingJobTrainStatus
from ..models.training_job_training_status import TrainingJobTrainingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TrainingJob")


@_attrs_define
class TrainingJob:
    """
    Attributes:
        tenant_id (UUID):  Example: eb128f85-c955-4f2f-b109-0afa1aed409c.
        predictor_name (str):
        preprocess_id (int | None):  Example: 1.
        problem_type (TrainingJobProblemType):
        domain (str):
        created_by (str):
        id (int):  Example: 1.
        dataset_id (int):  Example: 1.
        dataset_name (str):
        data_source (str):
        created_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        modified_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        algorithm (None | TrainingJobAlgorithmType1 | TrainingJobAlgorithmType2Type1 | TrainingJobAlgorithmType3Type1):
            Example: xgboost.
        accuracy (float | None):
        ml_model_status (TrainingJobMlModelStatus):
        train_status (TrainingJobTrainStatus):
        training_status (TrainingJobTrainingStatus):
        ray_job_id (None | str | Unset):
        workflow_id (str | Unset):
        version (int | Unset):
        parent_id (int | None | Unset):  Example: 1.
        error (None | str | Unset):
    """

    tenant_id: UUID
    predictor_name: str
    preprocess_id: int | None
    problem_type: TrainingJobProblemType
    domain: str
    created_by: str
    id: int
    dataset_id: int
    dataset_name: str
    data_source: str
    created_at: datetime.datetime
    modified_at: datetime.datetime
    algorithm: (
        None
        | TrainingJobAlgorithmType1
        | TrainingJobAlgorithmType2Type1
        | TrainingJobAlgorithmType3Type1
    )
    accuracy: float | None
    ml_model_status: TrainingJobMlModelStatus
    train_status: TrainingJobTrainStatus
    training_status: TrainingJobTrainingStatus
    ray_job_id: None | str | Unset = UNSET
    workflow_id: str | Unset = UNSET
    version: int | Unset = UNSET
    parent_id: int | None | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = str(self.tenant_id)

        predictor_name = self.predictor_name

        preprocess_id: int | None
        preprocess_id = self.preprocess_id

        problem_type = self.problem_type.value

        domain = self.domain

        created_by = self.created_by

        id = self.id

        dataset_id = self.dataset_id

        dataset_name = self.dataset_name

        data_source = self.data_source

        created_at = self.created_at.isoformat()

        modified_at = self.modified_at.isoformat()

        algorithm: None | str
        if (
            isinstance(self.algorithm, TrainingJobAlgorithmType1)
            or isinstance(self.algorithm, TrainingJobAlgorithmType2Type1)
            or isinstance(self.algorithm, TrainingJobAlgorithmType3Type1)
        ):
            algorithm = self.algorithm.value
        else:
            algorithm = self.algorithm

        accuracy: float | None
        accuracy = self.accuracy

        ml_model_status = self.ml_model_status.value

        train_status = self.train_status.value

        training_status = self.training_status.value

        ray_job_id: None | str | Unset
        if isinstance(self.ray_job_id, Unset):
            ray_job_id = UNSET
        else:
            ray_job_id = self.ray_job_id

        workflow_id = self.workflow_id

        version = self.version

        parent_id: int | None | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "predictor_name": predictor_name,
                "preprocess_id": preprocess_id,
                "problem_type": problem_type,
                "domain": domain,
                "created_by": created_by,
                "id": id,
                "dataset_id": dataset_id,
                "dataset_name": dataset_name,
                "data_source": data_source,
                "created_at": created_at,
                "modified_at": modified_at,
                "algorithm": algorithm,
                "accuracy": accuracy,
                "ml_model_status": ml_model_status,
                "train_status": train_status,
                "training_status": training_status,
            }
        )
        if ray_job_id is not UNSET:
            field_dict["ray_job_id"] = ray_job_id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if version is not UNSET:
            field_dict["version"] = version
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tenant_id = UUID(d.pop("tenant_id"))

        predictor_name = d.pop("predictor_name")

        def _parse_preprocess_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        preprocess_id = _parse_preprocess_id(d.pop("preprocess_id"))

        problem_type = TrainingJobProblemType(d.pop("problem_type"))

        domain = d.pop("domain")

        created_by = d.pop("created_by")

        id = d.pop("id")

        dataset_id = d.pop("dataset_id")

        dataset_name = d.pop("dataset_name")

        data_source = d.pop("data_source")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        def _parse_algorithm(
            data: object,
        ) -> (
            None
            | TrainingJobAlgorithmType1
            | TrainingJobAlgorithmType2Type1
            | TrainingJobAlgorithmType3Type1
        ):
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                algorithm_type_1 = TrainingJobAlgorithmType1(data)

                return algorithm_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                algorithm_type_2_type_1 = TrainingJobAlgorithmType2Type1(data)

                return algorithm_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                algorithm_type_3_type_1 = TrainingJobAlgorithmType3Type1(data)

                return algorithm_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | TrainingJobAlgorithmType1
                | TrainingJobAlgorithmType2Type1
                | TrainingJobAlgorithmType3Type1,
                data,
            )

        algorithm = _parse_algorithm(d.pop("algorithm"))

        def _parse_accuracy(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        accuracy = _parse_accuracy(d.pop("accuracy"))

        ml_model_status = TrainingJobMlModelStatus(d.pop("ml_model_status"))

        train_status = TrainingJobTrainStatus(d.pop("train_status"))

        training_status = TrainingJobTrainingStatus(d.pop("training_status"))

        def _parse_ray_job_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ray_job_id = _parse_ray_job_id(d.pop("ray_job_id", UNSET))

        workflow_id = d.pop("workflow_id", UNSET)

        version = d.pop("version", UNSET)

        def _parse_parent_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        training_job = cls(
            tenant_id=tenant_id,
            predictor_name=predictor_name,
            preprocess_id=preprocess_id,
            problem_type=problem_type,
            domain=domain,
            created_by=created_by,
            id=id,
            dataset_id=dataset_id,
            dataset_name=dataset_name,
            data_source=data_source,
            created_at=created_at,
            modified_at=modified_at,
            algorithm=algorithm,
            accuracy=accuracy,
            ml_model_status=ml_model_status,
            train_status=train_status,
            training_status=training_status,
            ray_job_id=ray_job_id,
            workflow_id=workflow_id,
            version=version,
            parent_id=parent_id,
            error=error,
        )

        training_job.additional_properties = d
        return training_job

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
