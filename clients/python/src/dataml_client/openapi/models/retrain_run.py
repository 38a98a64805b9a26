from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.retrain_run_status import RetrainRunStatus

if TYPE_CHECKING:
    from ..models.retrain_run_promotion_type_0 import RetrainRunPromotionType0


T = TypeVar("T", bound="RetrainRun")


@_attrs_define
class RetrainRun:
    """
    Attributes:
        id (int):  Example: 1.
        workflow_id (str):
        train_id (int | None):  Example: 1.
        version (int | None):
        status (RetrainRunStatus):
        error (None | str):
        promotion (None | RetrainRunPromotionType0):
        started_at (datetime.datetime):  Example: 2025-09-18T10:00:00Z.
        finished_at (datetime.datetime | None):  Example: 2025-09-18T10:00:00Z.
    """

    id: int
    workflow_id: str
    train_id: int | None
    version: int | None
    status: RetrainRunStatus
    error: None | str
    promotion: None | RetrainRunPromotionType0
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.retrain_run_promotion_type_0 import RetrainRunPromotionType0

        id = self.id

        workflow_id = self.workflow_id

        train_id: int | None
        train_id = self.train_id

        version: int | None
        version = self.version

        status = self.status.value

        error: None | str
        error = self.error

        promotion: dict[str, Any] | None
        if isinstance(self.promotion, RetrainRunPromotionType0):
            promotion = self.promotion.to_dict()
        else:
            promotion = self.promotion

        started_at = self.started_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "workflow_id": workflow_id,
                "train_id": train_id,
                "version": version,
                "status": status,
                "error": error,
                "promotion": promotion,
                "started_at": started_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.retrain_run_promotion_type_0 import RetrainRunPromotionType0

        d = dict(src_dict)
        id = d.pop("id")

        workflow_id = d.pop("workflow_id")

        def _parse_train_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        train_id = _parse_train_id(d.pop("train_id"))

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        status = RetrainRunStatus(d.pop("status"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_promotion(data: object) -> None | RetrainRunPromotionType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                promotion_type_0 = RetrainRunPromotionType0.from_dict(data)

                return promotion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RetrainRunPromotionType0, data)

        promotion = _parse_promotion(d.pop("promotion"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        retrain_run = cls(
            id=id,
            workflow_id=workflow_id,
            train_id=train_id,
            version=version,
            status=status,
            error=error,
            promotion=promotion,
            started_at=started_at,
            finished_at=finished_at,
        )

        retrain_run.additional_properties = d
        return retrain_run

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
