"""What a console needs to draw a model's hold-out evaluation: ROC and precision-recall points, calibration bins
(classification), predicted vs actual and residual points (regression). Stored with the metrics (10.5 `curves`).

Point lists are thinned to at most MAX_POINTS so that a large test set keeps the record small.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn import metrics as skm

MAX_POINTS = 200
CALIBRATION_BINS = 10


def classification_curves(y_true: np.ndarray, proba: np.ndarray, labels: list[int]) -> dict[str, Any]:
    """Binary: the curves of the second class (the positive one, as in the metrics). Multiclass: one-vs-rest per
    class. Calibration: per bin of predicted probability, the mean prediction and the observed frequency."""
    classes = [labels[1]] if len(labels) == 2 else labels
    out: dict[str, Any] = {"positive_class": classes if len(labels) > 2 else classes[0], "roc": {}, "pr": {}}
    for k in classes:
        hit = (y_true == k).astype(int)
        if hit.min() == hit.max():  # the class absent from (or alone in) the test set: no curve
            continue
        fpr, tpr, _ = skm.roc_curve(hit, proba[:, k])
        precision, recall, _ = skm.precision_recall_curve(hit, proba[:, k])
        out["roc"][str(k)] = {"fpr": _thin(fpr), "tpr": _thin(tpr)}
        out["pr"][str(k)] = {"recall": _thin(recall), "precision": _thin(precision)}
    out["calibration"] = _calibration(y_true, proba, labels)
    return out


def _calibration(y_true: np.ndarray, proba: np.ndarray, labels: list[int]) -> dict[str, Any]:
    # Binary: p(positive) against the positive rate; multiclass: the top probability against the accuracy.
    if len(labels) == 2:
        p, hit = proba[:, 1], (y_true == labels[1])
    else:
        p, hit = proba.max(axis=1), (proba.argmax(axis=1) == y_true)
    edges = np.linspace(0, 1, CALIBRATION_BINS + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, CALIBRATION_BINS - 1)
    bins = []
    for b in range(CALIBRATION_BINS):
        inside = which == b
        if inside.any():
            bins.append(
                {
                    "lower": float(edges[b]),
                    "upper": float(edges[b + 1]),
                    "mean_predicted": float(p[inside].mean()),
                    "observed": float(hit[inside].mean()),
                    "count": int(inside.sum()),
                }
            )
    return {"of": "positive_class" if len(labels) == 2 else "top_class", "bins": bins}


def regression_curves(y_true: np.ndarray, pred: np.ndarray) -> dict[str, Any]:
    """Points of (actual, predicted, residual = actual - predicted), a seeded sample when there are more than
    MAX_POINTS, and the residuals' quantiles."""
    idx = np.arange(len(y_true))
    if len(idx) > MAX_POINTS:
        idx = np.sort(np.random.default_rng(0).choice(idx, MAX_POINTS, replace=False))
    residual = y_true - pred
    qs = [0.05, 0.25, 0.5, 0.75, 0.95]
    return {
        "residuals": {
            "actual": [float(v) for v in y_true[idx]],
            "predicted": [float(v) for v in pred[idx]],
            "residual": [float(v) for v in residual[idx]],
            "quantiles": {str(q): float(v) for q, v in zip(qs, np.quantile(residual, qs), strict=True)},
        }
    }


def _thin(values: np.ndarray) -> list[float]:
    if len(values) > MAX_POINTS:
        values = values[np.linspace(0, len(values) - 1, MAX_POINTS).round().astype(int)]
    return [round(float(v), 6) for v in values]
