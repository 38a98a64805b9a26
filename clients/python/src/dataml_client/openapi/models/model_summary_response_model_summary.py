from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_summary_response_model_summary_backtest_item import (
        ModelSummaryResponseModelSummaryBacktestItem,
    )
    from ..models.model_summary_response_model_summary_baseline import (
        ModelSummaryResponseModelSummaryBaseline,
    )
    from ..models.model_summary_response_model_summary_curves import (
        ModelSummaryResponseModelSummaryCurves,
    )
    from ..models.model_summary_response_model_summary_leaderboard_item import (
        ModelSummaryResponseModelSummaryLeaderboardItem,
    )


T = TypeVar("T", bound="ModelSummaryResponseModelSummary")


@_attrs_define
class ModelSummaryResponseModelSummary:
    """
    Attributes:
        model (str):
        accuracy (float | None | Unset):
        precision (float | None | Unset):
        recall (float | None | Unset):
        f1_score (float | None | Unset):
        rmse (float | None | Unset):
        mae (float | None | Unset):
        r2 (float | None | Unset):
        mape (float | None | Unset):
        roc_auc (float | None | Unset):
        mase (float | None | Unset):
        smape (float | None | Unset):
        headline_metric (str | Unset):
        baseline (ModelSummaryResponseModelSummaryBaseline | Unset):
        leaderboard (list[ModelSummaryResponseModelSummaryLeaderboardItem] | Unset):
        curves (ModelSummaryResponseModelSummaryCurves | Unset):
        class_labels (list[bool | float | str] | Unset):
        backtest (list[ModelSummaryResponseModelSummaryBacktestItem] | Unset):
        coverage_80 (float | None | Unset):
        coverage_95 (float | None | Unset):
    """

    model: str
    accuracy: float | None | Unset = UNSET
    precision: float | None | Unset = UNSET
    recall: float | None | Unset = UNSET
    f1_score: float | None | Unset = UNSET
    rmse: float | None | Unset = UNSET
    mae: float | None | Unset = UNSET
    r2: float | None | Unset = UNSET
    mape: float | None | Unset = UNSET
    roc_auc: float | None | Unset = UNSET
    mase: float | None | Unset = UNSET
    smape: float | None | Unset = UNSET
    headline_metric: str | Unset = UNSET
    baseline: ModelSummaryResponseModelSummaryBaseline | Unset = UNSET
    leaderboard: list[ModelSummaryResponseModelSummaryLeaderboardItem] | Unset = UNSET
    curves: ModelSummaryResponseModelSummaryCurves | Unset = UNSET
    class_labels: list[bool | float | str] | Unset = UNSET
    backtest: list[ModelSummaryResponseModelSummaryBacktestItem] | Unset = UNSET
    coverage_80: float | None | Unset = UNSET
    coverage_95: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        accuracy: float | None | Unset
        if isinstance(self.accuracy, Unset):
            accuracy = UNSET
        else:
            accuracy = self.accuracy

        precision: float | None | Unset
        if isinstance(self.precision, Unset):
            precision = UNSET
        else:
            precision = self.precision

        recall: float | None | Unset
        if isinstance(self.recall, Unset):
            recall = UNSET
        else:
            recall = self.recall

        f1_score: float | None | Unset
        if isinstance(self.f1_score, Unset):
            f1_score = UNSET
        else:
            f1_score = self.f1_score

        rmse: float | None | Unset
        if isinstance(self.rmse, Unset):
            rmse = UNSET
        else:
            rmse = self.rmse

        mae: float | None | Unset
        if isinstance(self.mae, Unset):
            mae = UNSET
        else:
            mae = self.mae

        r2: float | None | Unset
        if isinstance(self.r2, Unset):
            r2 = UNSET
        else:
            r2 = self.r2

        mape: float | None | Unset
        if isinstance(self.mape, Unset):
            mape = UNSET
        else:
            mape = self.mape

        roc_auc: float | None | Unset
        if isinstance(self.roc_auc, Unset):
            roc_auc = UNSET
        else:
            roc_auc = self.roc_auc

        mase: float | None | Unset
        if isinstance(self.mase, Unset):
            mase = UNSET
        else:
            mase = self.mase

        smape: float | None | Unset
        if isinstance(self.smape, Unset):
            smape = UNSET
        else:
            smape = self.smape

        headline_metric = self.headline_metric

        baseline: dict[str, Any] | Unset = UNSET
        if not isinstance(self.baseline, Unset):
            baseline = self.baseline.to_dict()

        leaderboard: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.leaderboard, Unset):
            leaderboard = []
            for leaderboard_item_data in self.leaderboard:
                leaderboard_item = leaderboard_item_data.to_dict()
                leaderboard.append(leaderboard_item)

        curves: dict[str, Any] | Unset = UNSET
        if not isinstance(self.curves, Unset):
            curves = self.curves.to_dict()

        class_labels: list[bool | float | str] | Unset = UNSET
        if not isinstance(self.class_labels, Unset):
            class_labels = []
            for class_labels_item_data in self.class_labels:
                class_labels_item: bool | float | str
                class_labels_item = class_labels_item_data
                class_labels.append(class_labels_item)

        backtest: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.backtest, Unset):
            backtest = []
            for backtest_item_data in self.backtest:
                backtest_item = backtest_item_data.to_dict()
                backtest.append(backtest_item)

        coverage_80: float | None | Unset
        if isinstance(self.coverage_80, Unset):
            coverage_80 = UNSET
        else:
            coverage_80 = self.coverage_80

        coverage_95: float | None | Unset
        if isinstance(self.coverage_95, Unset):
            coverage_95 = UNSET
        else:
            coverage_95 = self.coverage_95

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if accuracy is not UNSET:
            field_dict["accuracy"] = accuracy
        if precision is not UNSET:
            field_dict["precision"] = precision
        if recall is not UNSET:
            field_dict["recall"] = recall
        if f1_score is not UNSET:
            field_dict["f1_score"] = f1_score
        if rmse is not UNSET:
            field_dict["rmse"] = rmse
        if mae is not UNSET:
            field_dict["mae"] = mae
        if r2 is not UNSET:
            field_dict["r2"] = r2
        if mape is not UNSET:
            field_dict["mape"] = mape
        if roc_auc is not UNSET:
            field_dict["roc_auc"] = roc_auc
        if mase is not UNSET:
            field_dict["mase"] = mase
        if smape is not UNSET:
            field_dict["smape"] = smape
        if headline_metric is not UNSET:
            field_dict["headline_metric"] = headline_metric
        if baseline is not UNSET:
            field_dict["baseline"] = baseline
        if leaderboard is not UNSET:
            field_dict["leaderboard"] = leaderboard
        if curves is not UNSET:
            field_dict["curves"] = curves
        if class_labels is not UNSET:
            field_dict["class_labels"] = class_labels
        if backtest is not UNSET:
            field_dict["backtest"] = backtest
        if coverage_80 is not UNSET:
            field_dict["coverage_80"] = coverage_80
        if coverage_95 is not UNSET:
            field_dict["coverage_95"] = coverage_95

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_summary_response_model_summary_backtest_item import (
            ModelSummaryResponseModelSummaryBacktestItem,
        )
        from ..models.model_summary_response_model_summary_baseline import (
            ModelSummaryResponseModelSummaryBaseline,
        )
        from ..models.model_summary_response_model_summary_curves import (
            ModelSummaryResponseModelSummaryCurves,
        )
        from ..models.model_summary_response_model_summary_leaderboard_item import (
            ModelSummaryResponseModelSummaryLeaderboardItem,
        )

        d = dict(src_dict)
        model = d.pop("model")

        def _parse_accuracy(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        accuracy = _parse_accuracy(d.pop("accuracy", UNSET))

        def _parse_precision(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        precision = _parse_precision(d.pop("precision", UNSET))

        def _parse_recall(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        recall = _parse_recall(d.pop("recall", UNSET))

        def _parse_f1_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        f1_score = _parse_f1_score(d.pop("f1_score", UNSET))

        def _parse_rmse(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rmse = _parse_rmse(d.pop("rmse", UNSET))

        def _parse_mae(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mae = _parse_mae(d.pop("mae", UNSET))

        def _parse_r2(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        r2 = _parse_r2(d.pop("r2", UNSET))

        def _parse_mape(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mape = _parse_mape(d.pop("mape", UNSET))

        def _parse_roc_auc(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        roc_auc = _parse_roc_auc(d.pop("roc_auc", UNSET))

        def _parse_mase(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mase = _parse_mase(d.pop("mase", UNSET))

        def _parse_smape(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        smape = _parse_smape(d.pop("smape", UNSET))

        headline_metric = d.pop("headline_metric", UNSET)

        _baseline = d.pop("baseline", UNSET)
        baseline: ModelSummaryResponseModelSummaryBaseline | Unset
        if isinstance(_baseline, Unset):
            baseline = UNSET
        else:
            baseline = ModelSummaryResponseModelSummaryBaseline.from_dict(_baseline)

        _leaderboard = d.pop("leaderboard", UNSET)
        leaderboard: list[ModelSummaryResponseModelSummaryLeaderboardItem] | Unset = (
            UNSET
        )
        if _leaderboard is not UNSET:
            leaderboard = []
            for leaderboard_item_data in _leaderboard:
                leaderboard_item = (
                    ModelSummaryResponseModelSummaryLeaderboardItem.from_dict(
                        leaderboard_item_data
                    )
                )

                leaderboard.append(leaderboard_item)

        _curves = d.pop("curves", UNSET)
        curves: ModelSummaryResponseModelSummaryCurves | Unset
        if isinstance(_curves, Unset):
            curves = UNSET
        else:
            curves = ModelSummaryResponseModelSummaryCurves.from_dict(_curves)

        _class_labels = d.pop("class_labels", UNSET)
        class_labels: list[bool | float | str] | Unset = UNSET
        if _class_labels is not UNSET:
            class_labels = []
            for class_labels_item_data in _class_labels:

                def _parse_class_labels_item(data: object) -> bool | float | str:
                    return cast(bool | float | str, data)

                class_labels_item = _parse_class_labels_item(class_labels_item_data)

                class_labels.append(class_labels_item)

        _backtest = d.pop("backtest", UNSET)
        backtest: list[ModelSummaryResponseModelSummaryBacktestItem] | Unset = UNSET
        if _backtest is not UNSET:
            backtest = []
            for backtest_item_data in _backtest:
                backtest_item = ModelSummaryResponseModelSummaryBacktestItem.from_dict(
                    backtest_item_data
                )

                backtest.append(backtest_item)

        def _parse_coverage_80(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        coverage_80 = _parse_coverage_80(d.pop("coverage_80", UNSET))

        def _parse_coverage_95(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        coverage_95 = _parse_coverage_95(d.pop("coverage_95", UNSET))

        model_summary_response_model_summary = cls(
            model=model,
            accuracy=accuracy,
            precision=precision,
            recall=recall,
            f1_score=f1_score,
            rmse=rmse,
            mae=mae,
            r2=r2,
            mape=mape,
            roc_auc=roc_auc,
            mase=mase,
            smape=smape,
            headline_metric=headline_metric,
            baseline=baseline,
            leaderboard=leaderboard,
            curves=curves,
            class_labels=class_labels,
            backtest=backtest,
            coverage_80=coverage_80,
            coverage_95=coverage_95,
        )

        model_summary_response_model_summary.additional_properties = d
        return model_summary_response_model_summary

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
