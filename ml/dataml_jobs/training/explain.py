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
