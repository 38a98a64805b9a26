from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.prediction_record_prediction_type import PredictionRecordPredictionType
from ..models.prediction_record_problem_type import PredictionRecordProblemType
from ..models.prediction_record_status import PredictionRecordStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="PredictionRecord")


@_attrs_define
class PredictionRecord:
    """
    Attributes:
        prediction_id (int):  Example: 1.
        train_id (int):  Example: 1.
        date (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        dataset_id (int | None):  Example: 1.
        predictor_name (str):
        prediction_type (PredictionRecordPredictionType):
        input_data (str):  Example: dataset_id:21.
        status (PredictionRecordStatus):
        no_of_records (int | None):
        accuracy (float | None):
        problem_type (PredictionRecordProblemType):
        domain_name (str):
        model_version (int | Unset):
        preprocess_id (int | None | Unset):  Example: 1.
        train_snapshot_id (None | str | Unset):
        serving (None | str | Unset):
        result_path (None | str | Unset):
    """

    prediction_id: int
    train_id: int
    date: datetime.datetime
    dataset_id: int | None
    predictor_name: str
    prediction_type: PredictionRecordPredictionType
    input_data: str
    status: PredictionRecordStatus
    no_of_records: int | None
    accuracy: float | None
    problem_type: PredictionRecordProblemType
    domain_name: str
    model_version: int | Unset = UNSET
    preprocess_id: int | None | Unset = UNSET
    train_snapshot_id: None | str | Unset = UNSET
    serving: None | str | Unset = UNSET
    result_path: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prediction_id = self.prediction_id

        train_id = self.train_id

        date = self.date.isoformat()

        dataset_id: int | None
        dataset_id = self.dataset_id

        predictor_name = self.predictor_name

        prediction_type = self.prediction_type.value

        input_data = self.input_data

        status = self.status.value

        no_of_records: int | None
        no_of_records = self.no_of_records

        accuracy: float | None
        accuracy = self.accuracy

        problem_type = self.problem_type.value

        domain_name = self.domain_name

        model_version = self.model_version

        preprocess_id: int | None | Unset
        if isinstance(self.preprocess_id, Unset):
            preprocess_id = UNSET
        else:
            preprocess_id = self.preprocess_id

        train_snapshot_id: None | str | Unset
        if isinstance(self.train_snapshot_id, Unset):
            train_snapshot_id = UNSET
        else:
            train_snapshot_id = self.train_snapshot_id

        serving: None | str | Unset
        if isinstance(self.serving, Unset):
            serving = UNSET
        else:
            serving = self.serving

        result_path: None | str | Unset
        if isinstance(self.result_path, Unset):
            result_path = UNSET
        else:
            result_path = self.result_path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prediction_id": prediction_id,
                "train_id": train_id,
                "date": date,
                "dataset_id": dataset_id,
                "predictor_name": predictor_name,
                "prediction_type": prediction_type,
                "input_data": input_data,
                "status": status,
                "no_of_records": no_of_records,
                "accuracy": accuracy,
                "problem_type": problem_type,
                "domain_name": domain_name,
            }
        )
        if model_version is not UNSET:
            field_dict["model_version"] = model_version
        if preprocess_id is not UNSET:
            field_dict["preprocess_id"] = preprocess_id
        if train_snapshot_id is not UNSET:
            field_dict["train_snapshot_id"] = train_snapshot_id
        if serving is not UNSET:
            field_dict["serving"] = serving
        if result_path is not UNSET:
            field_dict["result_path"] = result_path

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        prediction_id = d.pop("prediction_id")

        train_id = d.pop("train_id")

        date = datetime.datetime.fromisoformat(d.pop("date"))

        def _parse_dataset_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        dataset_id = _parse_dataset_id(d.pop("dataset_id"))

        predictor_name = d.pop("predictor_name")

        prediction_type = PredictionRecordPredictionType(d.pop("prediction_type"))

        input_data = d.pop("input_data")

        status = PredictionRecordStatus(d.pop("status"))

        def _parse_no_of_records(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        no_of_records = _parse_no_of_records(d.pop("no_of_records"))

        def _parse_accuracy(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        accuracy = _parse_accuracy(d.pop("accuracy"))

        problem_type = PredictionRecordProblemType(d.pop("problem_type"))

        domain_name = d.pop("domain_name")

        model_version = d.pop("model_version", UNSET)

        def _parse_preprocess_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        preprocess_id = _parse_preprocess_id(d.pop("preprocess_id", UNSET))

        def _parse_train_snapshot_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        train_snapshot_id = _parse_train_snapshot_id(d.pop("train_snapshot_id", UNSET))

        def _parse_serving(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        serving = _parse_serving(d.pop("serving", UNSET))

        def _parse_result_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_path = _parse_result_path(d.pop("result_path", UNSET))

        prediction_record = cls(
            prediction_id=prediction_id,
            train_id=train_id,
            date=date,
            dataset_id=dataset_id,
            predictor_name=predictor_name,
            prediction_type=prediction_type,
            input_data=input_data,
            status=status,
            no_of_records=no_of_records,
            accuracy=accuracy,
            problem_type=problem_type,
            domain_name=domain_name,
            model_version=model_version,
            preprocess_id=preprocess_id,
            train_snapshot_id=train_snapshot_id,
            serving=serving,
            result_path=result_path,
        )

        prediction_record.additional_properties = d
        return prediction_record

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
