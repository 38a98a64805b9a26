from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.prediction_result_response_status import PredictionResultResponseStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="PredictionResultResponse")


@_attrs_define
class PredictionResultResponse:
    """
    Attributes:
        status (PredictionResultResponseStatus):
        result_path (None | str):
        file_id (int | None):  Example: 1.
        dataset_id (int):  Example: 1.
        no_of_records (int | None | Unset):
        output_table (None | str | Unset):
        download_path (None | str | Unset):
        error (None | str | Unset):
    """

    status: PredictionResultResponseStatus
    result_path: None | str
    file_id: int | None
    dataset_id: int
    no_of_records: int | None | Unset = UNSET
    output_table: None | str | Unset = UNSET
    download_path: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        result_path: None | str
        result_path = self.result_path

        file_id: int | None
        file_id = self.file_id

        dataset_id = self.dataset_id

        no_of_records: int | None | Unset
        if isinstance(self.no_of_records, Unset):
            no_of_records = UNSET
        else:
            no_of_records = self.no_of_records

        output_table: None | str | Unset
        if isinstance(self.output_table, Unset):
            output_table = UNSET
        else:
            output_table = self.output_table

        download_path: None | str | Unset
        if isinstance(self.download_path, Unset):
            download_path = UNSET
        else:
            download_path = self.download_path

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "result_path": result_path,
                "file_id": file_id,
                "dataset_id": dataset_id,
            }
        )
        if no_of_records is not UNSET:
            field_dict["no_of_records"] = no_of_records
        if output_table is not UNSET:
            field_dict["output_table"] = output_table
        if download_path is not UNSET:
            field_dict["download_path"] = download_path
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = PredictionResultResponseStatus(d.pop("status"))

        def _parse_result_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        result_path = _parse_result_path(d.pop("result_path"))

        def _parse_file_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        file_id = _parse_file_id(d.pop("file_id"))

        dataset_id = d.pop("dataset_id")

        def _parse_no_of_records(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        no_of_records = _parse_no_of_records(d.pop("no_of_records", UNSET))

        def _parse_output_table(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output_table = _parse_output_table(d.pop("output_table", UNSET))

        def _parse_download_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        download_path = _parse_download_path(d.pop("download_path", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        prediction_result_response = cls(
            status=status,
            result_path=result_path,
            file_id=file_id,
            dataset_id=dataset_id,
            no_of_records=no_of_records,
            output_table=output_table,
            download_path=download_path,
            error=error,
        )

        prediction_result_response.additional_properties = d
        return prediction_result_response

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
