"""Mean |SHAP| per ORIGINAL feature of a fitted pipeline: the model is explained on its preprocessed inputs
(TreeExplainer for tree models, LinearExplainer for linear ones) and the one-hot / calendar columns of a
feature are summed back into it. Returned as shares that sum to 1, plus the raw means."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .preprocess import Feature, to_model_frame

TREE_CLASSES = ("XGB", "LGBM", "RandomForest")


def feature_groups(pre: Any) -> dict[str, slice]:
    """Original feature -> the slice of preprocessed columns it produces."""
    out = {}
    for name, trans, cols in pre.transformers_:
        if name == "remainder" or trans == "drop":
            continue
        out[cols[0]] = pre.output_indices_[name]
    return out


def shap_matrix(model: Any, Xt: np.ndarray) -> tuple[np.ndarray, str]:
    import shap

    model = base_models(model)[0]  # a calibrated model: the importance of its first fold model
    cls = type(model).__name__
    if cls.startswith(TREE_CLASSES):
        explainer = shap.TreeExplainer(model)
        values = explainer.shap_values(Xt, check_additivity=False)
        kind = "TreeExplainer"
    else:
        explainer = shap.LinearExplainer(model, Xt)
        values = explainer.shap_values(Xt)
        kind = "LinearExplainer"
    arr = np.asarray(values, dtype="float64")
    if isinstance(values, list):  # older API: one matrix per class
        arr = np.stack([np.asarray(v) for v in values], axis=-1)
    return arr, kind


def mean_abs_shap(pipeline: Any, frame: pd.DataFrame, features: list[Feature]) -> dict[str, Any]:
    X = to_model_frame(frame, features)
    pre = pipeline.named_steps["preprocess"]
    model = pipeline.named_steps["model"]
    Xt = np.asarray(pre.transform(X), dtype="float64")
    values, kind = shap_matrix(model, Xt)
    a = np.abs(values)
    if a.ndim == 3:  # (rows, columns, classes): average over classes too
        a = a.mean(axis=2)
    per_column = a.mean(axis=0)
    raw = {f: float(per_column[s].sum()) for f, s in feature_groups(pre).items()}
    total = sum(raw.values()) or 1.0
    shares = {f: v / total for f, v in sorted(raw.items(), key=lambda kv: -kv[1])}
    return {"feature_importance": shares, "mean_abs_shap": raw, "explainer": kind, "rows": len(X)}


# What a row's contributions add up to (with the base value), per model family: the model's raw output, before the
# link that turns it into a probability. Boosted trees and linear classifiers: log-odds of the positive class
# (binary) or the per-class score fed to softmax (multiclass); forests: the class probability itself (a forest
# averages probabilities, it has no link); regression: the predicted value.
def output_space(model: Any, classification: bool, n_classes: int) -> str:
    if not classification:
        return "value"
    if type(base_models(model)[0]).__name__.startswith(("RandomForest", "ExtraTrees")):
        return "probability"
    return "log_odds" if n_classes == 2 else "softmax_score"


def contributions(pipeline: Any, X: pd.DataFrame, n_classes: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Per-row feature contributions of a fitted pipeline on the typed frame `X` (`to_model_frame`).

    Returns (contrib [rows, features, outputs], base [rows, outputs], feature names): one output for regression
    and binary classification (the positive class), one per class otherwise. base + contributions summed over the
    features equals the model's raw output (`output_space`). Tree boosters give TreeSHAP values themselves
    (`pred_contrib`), forests go through shap's TreeExplainer, linear models are exact (coefficient x input, the
    intercept as base). The one-hot and calendar columns of a feature are summed back into it.
    """
    pre = pipeline.named_steps["preprocess"]
    model = pipeline.named_steps["model"]
    Xt = np.asarray(pre.transform(X), dtype="float64")
    classification = hasattr(model, "predict_proba")
    parts = [_contributions(m, Xt, classification, n_classes) for m in base_models(model)]
    # A calibrated model averages K fold models: their mean contributions explain their mean raw output.
    per_col = np.mean([c for c, _ in parts], axis=0)
    base = np.mean([b for _, b in parts], axis=0)
    groups = feature_groups(pre)
    names = list(groups)
    folded = np.stack([per_col[:, groups[f], :].sum(axis=1) for f in names], axis=1)
    return folded, base, names


def base_models(model: Any) -> list[Any]:
    """The fitted models whose raw outputs make the prediction: the fold models of a calibrated model
    (`calibration.py`), else the model itself."""
    folds = getattr(model, "calibrated_classifiers_", None)
    return [c.estimator for c in folds] if folds else [model]


def _contributions(model: Any, Xt: np.ndarray, classification: bool, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    n, p = Xt.shape
    cls = type(model).__name__
    k = n_classes if classification and n_classes > 2 else 1
    if cls.startswith("LGBM"):
        raw = np.asarray(model.booster_.predict(Xt, pred_contrib=True), dtype="float64").reshape(n, k, p + 1)
        per_col, base = raw[:, :, :p].transpose(0, 2, 1), raw[:, :, p]
    elif cls.startswith("XGB"):
        import xgboost as xgb

        raw = np.asarray(model.get_booster().predict(xgb.DMatrix(Xt), pred_contribs=True), dtype="float64")
        raw = raw.reshape(n, k, p + 1)
        per_col, base = raw[:, :, :p].transpose(0, 2, 1), raw[:, :, p]
    elif cls.startswith(("RandomForest", "ExtraTrees")):
        import shap

        explainer = shap.TreeExplainer(model)
        values = np.asarray(explainer.shap_values(Xt, check_additivity=False), dtype="float64")
        expected = np.atleast_1d(np.asarray(explainer.expected_value, dtype="float64"))
        if values.ndim == 2:  # regression: [rows, columns]
            values = values[:, :, None]
        if classification and n_classes == 2:  # the positive class only, as for the other families
            values, expected = values[:, :, 1:], expected[1:]
        per_col, base = values, np.tile(expected, (n, 1))
    else:  # linear: raw = intercept + coef . x, exactly
        coef = np.atleast_2d(np.asarray(model.coef_, dtype="float64"))  # [outputs, columns]
        intercept = np.atleast_1d(np.asarray(model.intercept_, dtype="float64"))
        per_col = Xt[:, :, None] * coef.T[None, :, :]
        base = np.tile(intercept, (n, 1))
    return per_col, base
