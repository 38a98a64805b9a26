from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.forecast_response_covariates_item import (
        ForecastResponseCovariatesItem,
    )
    from ..models.forecast_response_forecast_item import ForecastResponseForecastItem
    from ..models.forecast_response_history_item import ForecastResponseHistoryItem


T = TypeVar("T", bound="ForecastResponse")


@_attrs_define
class ForecastResponse:
    """
    Attributes:
        forecast (list[ForecastResponseForecastItem]):
        covariates (list[ForecastResponseCovariatesItem] | Unset):  Example: [{'name': 'promo', 'use': 'lags'}].
        history (list[ForecastResponseHistoryItem] | Unset):  Example: [{'date': '2025-09-28', 'value': 118.5}].
    """

    forecast: list[ForecastResponseForecastItem]
    covariates: list[ForecastResponseCovariatesItem] | Unset = UNSET
    history: list[ForecastResponseHistoryItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        forecast = []
        for forecast_item_data in self.forecast:
            forecast_item = forecast_item_data.to_dict()
            forecast.append(forecast_item)

        covariates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.covariates, Unset):
            covariates = []
            for covariates_item_data in self.covariates:
                covariates_item = covariates_item_data.to_dict()
                covariates.append(covariates_item)

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "forecast": forecast,
            }
        )
        if covariates is not UNSET:
            field_dict["covariates"] = covariates
        if history is not UNSET:
            field_dict["history"] = history

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.forecast_response_covariates_item import (
            ForecastResponseCovariatesItem,
        )
        from ..models.forecast_response_forecast_item import (
            ForecastResponseForecastItem,
        )
        from ..models.forecast_response_history_item import ForecastResponseHistoryItem

        d = dict(src_dict)
        forecast = []
        _forecast = d.pop("forecast")
        for forecast_item_data in _forecast:
            forecast_item = ForecastResponseForecastItem.from_dict(forecast_item_data)

            forecast.append(forecast_item)

        _covariates = d.pop("covariates", UNSET)
        covariates: list[ForecastResponseCovariatesItem] | Unset = UNSET
        if _covariates is not UNSET:
            covariates = []
            for covariates_item_data in _covariates:
                covariates_item = ForecastResponseCovariatesItem.from_dict(
                    covariates_item_data
                )

                covariates.append(covariates_item)

        _history = d.pop("history", UNSET)
        history: list[ForecastResponseHistoryItem] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = ForecastResponseHistoryItem.from_dict(history_item_data)

                history.append(history_item)

        forecast_response = cls(
            forecast=forecast,
            covariates=covariates,
            history=history,
        )

        forecast_response.additional_properties = d
        return forecast_response

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
