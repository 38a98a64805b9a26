from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_file import DatasetFile


T = TypeVar("T", bound="UploadDatasetResponse")


@_attrs_define
class UploadDatasetResponse:
    """
    Attributes:
        dataset_id (int):  Example: 1.
        dataset_name (str):
        data_source (str):  Example: csv.
        files (list[DatasetFile]):
        workflow_id (str):
        template_id (int | Unset):  Example: 1.
    """

    dataset_id: int
    dataset_name: str
    data_source: str
    files: list[DatasetFile]
    workflow_id: str
    template_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        dataset_name = self.dataset_name

        data_source = self.data_source

        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)

        workflow_id = self.workflow_id

        template_id = self.template_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "dataset_name": dataset_name,
                "data_source": data_source,
                "files": files,
                "workflow_id": workflow_id,
            }
        )
        if template_id is not UNSET:
            field_dict["template_id"] = template_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_file import DatasetFile

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        dataset_name = d.pop("dataset_name")

        data_source = d.pop("data_source")

        files = []
        _files = d.pop("files")
        for files_item_data in _files:
            files_item = DatasetFile.from_dict(files_item_data)

            files.append(files_item)

        workflow_id = d.pop("workflow_id")

        template_id = d.pop("template_id", UNSET)

        upload_dataset_response = cls(
            dataset_id=dataset_id,
            dataset_name=dataset_name,
            data_source=data_source,
            files=files,
            workflow_id=workflow_id,
            template_id=template_id,
        )

        upload_dataset_response.additional_properties = d
        return upload_dataset_response

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
