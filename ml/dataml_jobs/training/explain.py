"""Mean |SHAP| per ORIGINAL feature of a fitted pipeline: the model is explained on its preprocessed inputs
(TreeExplainer for tree models, LinearExplainer for linear ones, its own exact terms for the additive model) and
the one-hot / calendar columns of a feature are summed back into it. Returned as shares that sum to 1, plus the raw
means."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .ensemble import is_ensemble
from .log_target import is_log_target
from .preprocess import Feature, to_model_frame
from .temperature import inner, scale

TREE_CLASSES = ("XGB", "LGBM", "RandomForest")


def feature_groups(pre: Any) -> dict[str, slice]:
    """Original feature -> the slice of preprocessed columns it produces."""
    out = {}
    for name, trans, cols in pre.transformers_:
        if name == "remainder" or trans == "drop":
            continue
        block = pre.output_indices_[name]
        if len(cols) == 1:
            out[cols[0]] = block
        else:  # a run of numeric columns, one output each (preprocess._numeric_runs)
            for i, col in enumerate(cols):
                out[col] = slice(block.start + i, block.start + i + 1)
    return out


def shap_matrix(model: Any, Xt: np.ndarray) -> tuple[np.ndarray, str]:
    import shap

    model = inner(model)  # a temperature does not change which columns matter
    if is_ensemble(model):  # the weighted sum of its members' contributions (see `_ensemble_contributions`)
        classification = hasattr(model, "predict_proba")
        n_classes = len(model.classes_) if classification else 0
        return _ensemble_contributions(model, Xt, classification, n_classes)[0], "ensemble"
    model = base_models(inner(model))[0]  # a calibrated model: the importance of its first fold model
    cls = type(model).__name__
    if hasattr(model, "contributions"):  # the additive model (additive.py) explains itself exactly
        values, kind = model.contributions(Xt)[0], "additive"
        return (values[:, :, 0] if values.shape[2] == 1 else values), kind
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
# averages probabilities, it has no link); an ensemble classifier: the class probability (`_ensemble_contributions`);
# regression: the predicted value.
def output_space(model: Any, classification: bool, n_classes: int) -> str:
    model = inner(model)  # a temperature leaves the space as it is (`_with_temperature`)
    if not classification:
        return "value"
    if is_ensemble(model) or type(base_models(model)[0]).__name__.startswith(("RandomForest", "ExtraTrees")):
        return "probability"
    return "log_odds" if n_classes == 2 else "softmax_score"


def contributions(pipeline: Any, X: pd.DataFrame, n_classes: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Per-row feature contributions of a fitted pipeline on the typed frame `X` (`to_model_frame`).

    Returns (contrib [rows, features, outputs], base [rows, outputs], feature names): one output for regression
    and binary classification (the positive class), one per class otherwise. base + contributions summed over the
    features equals the model's raw output (`output_space`). Tree boosters give TreeSHAP values themselves
    (`pred_contrib`), forests go through shap's TreeExplainer, linear models are exact (coefficient x input, the
    intercept as base), and so is the additive model (its own `contributions`). The one-hot and calendar columns
    of a feature are summed back into it.
    """
    pre = pipeline.named_steps["preprocess"]
    scaled = pipeline.named_steps["model"]
    model = inner(scaled)
    Xt = np.asarray(pre.transform(X), dtype="float64")
    classification = hasattr(model, "predict_proba")
    if is_ensemble(model):
        parts = [_ensemble_contributions(model, Xt, classification, n_classes)]
    else:
        parts = [_contributions(m, Xt, classification, n_classes) for m in base_models(model)]
    # A calibrated model averages K fold models: their mean contributions explain their mean raw output.
    per_col = np.mean([c for c, _ in parts], axis=0)
    base = np.mean([b for _, b in parts], axis=0)
    if scaled is not model:
        per_col, base = _with_temperature(per_col, base, scaled.temperature, output_space(model, True, n_classes))
    groups = feature_groups(pre)
    names = list(groups)
    folded = np.stack([per_col[:, groups[f], :].sum(axis=1) for f in names], axis=1)
    return folded, base, names


def base_models(model: Any) -> list[Any]:
    """The fitted models whose raw outputs make the prediction: the fold models of a calibrated model
    (`calibration.py`), else the model itself."""
    folds = getattr(model, "calibrated_classifiers_", None)
    return [c.estimator for c in folds] if folds else [model]


def _ensemble_contributions(
    model: Any, Xt: np.ndarray, classification: bool, n_classes: int
) -> tuple[np.ndarray, np.ndarray]:
    """A weighted-mean ensemble (`ensemble.py`): the same weighted mean of its members' contributions.

    Regression: exact, every member's contributions add up to its prediction. Classification: soft voting averages
    the members' PROBABILITIES, while boosters and linear members are explained in margin space (log-odds, softmax
    score), so each such member's contributions are first carried to probability space by one factor per row and
    output, (p - p0) / (z - z0), where z is its raw output, z0 its base value, p its probability and p0 the
    probability of the base value (sigmoid or softmax of it). The carried contributions keep each feature's share
    and sign of the member's margin contribution and add up exactly to p - p0; forests are already in probability
    space. The ensemble's base value + contributions then equal its probability of the class (`output_space`:
    "probability"). A regression member fitted on log(y) (`log_target.py`) is explained in log space and carried to
    its predicted value the same way, (v - v0) / (z - z0) with v = exp(z), v0 = exp(z0)."""
    weights = np.asarray(model.weights if model.weights is not None else np.ones(len(model.estimators_)), "float64")
    weights = weights / weights.sum()
    contrib = base = None
    for w, member in zip(weights, model.estimators_, strict=True):
        if is_log_target(member):
            c, b = _contributions(member.regressor_, Xt, classification, n_classes)
            b0 = np.exp(b)
            c, b = _carry(c, np.asarray(member.predict(Xt), dtype="float64").reshape(b.shape), b0), b0
        else:
            c, b = _contributions(member, Xt, classification, n_classes)
        if classification and output_space(member, True, n_classes) != "probability":
            c, b = _to_probability(member, Xt, c, b, n_classes)
        contrib = w * c if contrib is None else contrib + w * c
        base = w * b if base is None else base + w * b
    return contrib, base


def _to_probability(
    member: Any, Xt: np.ndarray, c: np.ndarray, b: np.ndarray, n_classes: int
) -> tuple[np.ndarray, np.ndarray]:
    """Margin-space contributions [rows, columns, outputs] and base [rows, outputs] of a member, carried to
    probability space (see `_ensemble_contributions`)."""
    proba = np.asarray(member.predict_proba(Xt), dtype="float64")
    if n_classes == 2:
        p, p0 = proba[:, 1:], 1 / (1 + np.exp(-b))
    else:
        p = proba
        e = np.exp(b - b.max(axis=1, keepdims=True))
        p0 = e / e.sum(axis=1, keepdims=True)
    return _carry(c, p, p0), p0


def _carry(c: np.ndarray, to: np.ndarray, to0: np.ndarray) -> np.ndarray:
    """Contributions [rows, columns, outputs] that add up to a move z - z0, carried to the move `to - to0` [rows,
    outputs] of a monotone function of z: each row and output's contributions times one factor (to - to0) / (z - z0),
    so they keep their shares and signs and add up exactly to the new move. Where z did not move but the value did
    (softmax: the other classes moved), that change is spread evenly over the columns."""
    moved = c.sum(axis=1)
    flat = np.abs(moved) < 1e-12
    factor = np.where(flat, 0.0, (to - to0) / np.where(flat, 1.0, moved))
    return c * factor[:, None, :] + np.where(flat, (to - to0) / c.shape[1], 0.0)[:, None, :]


def _with_temperature(c: np.ndarray, b: np.ndarray, t: float, space: str) -> tuple[np.ndarray, np.ndarray]:
    """Contributions [rows, columns, outputs] and base [rows, outputs] of a model, carried to the same model with its
    probabilities scaled by temperature `t` (`temperature.py`). In margin space (log-odds, softmax score) that
    is exact division by `t`: softmax(log(softmax(z)) / t) = softmax(z / t). In probability space each row and
    output's contributions are multiplied by one factor, (p_t - p0_t) / (p - p0), as `_to_probability` does, so
    they keep their shares and signs and add up to the scaled probability."""
    if space != "probability":
        return c / t, b / t
    p = np.clip(b + c.sum(axis=1), 0.0, 1.0)
    if p.shape[1] == 1:  # binary: the positive class only
        p_t = scale(np.hstack([1 - p, p]), t)[:, 1:]
        p0_t = scale(np.hstack([1 - b, b]), t)[:, 1:]
    else:
        p_t, p0_t = scale(p, t), scale(b, t)
    return _carry(c, p_t, p0_t), p0_t


def _contributions(model: Any, Xt: np.ndarray, classification: bool, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    n, p = Xt.shape
    cls = type(model).__name__
    k = n_classes if classification and n_classes > 2 else 1
    if hasattr(model, "contributions"):  # the additive model (additive.py): exact, per input column
        per_col, base = model.contributions(Xt)
    elif cls.startswith("LGBM"):
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
