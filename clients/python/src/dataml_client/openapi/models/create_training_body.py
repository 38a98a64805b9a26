from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_training_body_algorithm import CreateTrainingBodyAlgorithm
from ..models.create_training_body_problem_type import CreateTrainingBodyProblemType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.train_column import TrainColumn


T = TypeVar("T", bound="CreateTrainingBody")


@_attrs_define
class CreateTrainingBody:
    """
    Attributes:
        dataset_id (int):  Example: 1.
        predictor_name (str):  Example: churn_v1.
        domain (str):  Example: Churn.
        problem_type (CreateTrainingBodyProblemType):
        columns (list[TrainColumn]):
        is_incremental (bool | Unset):  Default: False.
        algorithm (CreateTrainingBodyAlgorithm | Unset):  Default: CreateTrainingBodyAlgorithm.AUTO. Example: xgboost.
        shap_enabled (bool | Unset):  Default: False.
        seed (int | Unset):
        time_budget_seconds (float | Unset):
        max_trials (int | Unset):
        forecast_horizon (int | Unset):
    """

    dataset_id: int
    predictor_name: str
    domain: str
    problem_type: CreateTrainingBodyProblemType
    columns: list[TrainColumn]
    is_incremental: bool | Unset = False
    algorithm: CreateTrainingBodyAlgorithm | Unset = CreateTrainingBodyAlgorithm.AUTO
    shap_enabled: bool | Unset = False
    seed: int | Unset = UNSET
    time_budget_seconds: float | Unset = UNSET
    max_trials: int | Unset = UNSET
    forecast_horizon: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        predictor_name = self.predictor_name

        domain = self.domain

        problem_type = self.problem_type.value

        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        is_incremental = self.is_incremental

        algorithm: str | Unset = UNSET
        if not isinstance(self.algorithm, Unset):
            algorithm = self.algorithm.value

        shap_enabled = self.shap_enabled

        seed = self.seed

        time_budget_seconds = self.time_budget_seconds

        max_trials = self.max_trials

        forecast_horizon = self.forecast_horizon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "predictor_name": predictor_name,
                "domain": domain,
                "problem_type": problem_type,
                "columns": columns,
            }
        )
        if is_incremental is not UNSET:
            field_dict["is_incremental"] = is_incremental
        if algorithm is not UNSET:
            field_dict["algorithm"] = algorithm
        if shap_enabled is not UNSET:
            field_dict["shap_enabled"] = shap_enabled
        if seed is not UNSET:
            field_dict["seed"] = seed
        if time_budget_seconds is not UNSET:
            field_dict["time_budget_seconds"] = time_budget_seconds
        if max_trials is not UNSET:
            field_dict["max_trials"] = max_trials
        if forecast_horizon is not UNSET:
            field_dict["forecast_horizon"] = forecast_horizon

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.train_column import TrainColumn

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        predictor_name = d.pop("predictor_name")

        domain = d.pop("domain")

        problem_type = CreateTrainingBodyProblemType(d.pop("problem_type"))

        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = TrainColumn.from_dict(columns_item_data)

            columns.append(columns_item)

        is_incremental = d.pop("is_incremental", UNSET)

        _algorithm = d.pop("algorithm", UNSET)
        algorithm: CreateTrainingBodyAlgorithm | Unset
        if isinstance(_algorithm, Unset):
            algorithm = UNSET
        else:
            algorithm = CreateTrainingBodyAlgorithm(_algorithm)

        shap_enabled = d.pop("shap_enabled", UNSET)

        seed = d.pop("seed", UNSET)

        time_budget_seconds = d.pop("time_budget_seconds", UNSET)

        max_trials = d.pop("max_trials", UNSET)

        forecast_horizon = d.pop("forecast_horizon", UNSET)

        create_training_body = cls(
            dataset_id=dataset_id,
            predictor_name=predictor_name,
            domain=domain,
            problem_type=problem_type,
            columns=columns,
            is_incremental=is_incremental,
            algorithm=algorithm,
            shap_enabled=shap_enabled,
            seed=seed,
            time_budget_seconds=time_budget_seconds,
            max_trials=max_trials,
            forecast_horizon=forecast_horizon,
        )

        create_training_body.additional_properties = d
        return create_training_body

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
