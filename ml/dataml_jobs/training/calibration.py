"""`auto`, classification: calibrate the chosen model's probabilities when that lowers validation log-loss.

Boosted trees and forests tuned for a few seconds are often over- or under-confident: right classes, wrong
probabilities, which log-loss punishes. The candidates are the model as it is, and sklearn's
CalibratedClassifierCV with Platt scaling (`sigmoid`) or `isotonic` regression over K stratified folds, keeping the
K calibrated fold models and averaging them (`ensemble=True`, a small bagged ensemble as well as a calibration).
The choice is made on a validation share of the TRAIN part (the hold-out test set of the report is never seen):
every candidate is fitted on the rest and scored there, and the lowest log-loss wins; a tie keeps the model as it
is. A calibrated model's probabilities are an average of per-class calibrated probabilities, normalised, so they
still sum to 1.

Cost: a candidate is K fits of the model; the choice is only made when the fits it needs (both candidates, then the
hold-out fit and the refit of the winner) fit in the time left, estimated from one plain fit. Every calibrated
pipeline has an ONNX copy, whatever its base model and method, exact but for its base model's float32 rounding
(`calibration_onnx.py`).
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pandas as pd
from sklearn import metrics as skm
from sklearn.base import clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline

from . import holdout

FOLDS = 3
METHODS = ("sigmoid", "isotonic")
VALIDATION_SHARE = 0.25
# Isotonic regression is a step function with as many steps as the data allows: below this many rows per fold's
# calibration part it overfits, so only Platt scaling (two parameters per class) is tried.
ISOTONIC_MIN_ROWS = 1000
# A calibrated candidate must beat the plain model by this relative margin, so noise does not pick it.
MIN_GAIN = 0.005


def calibrated(pipe: Pipeline, method: str, seed: int) -> Pipeline:
    """The same pipeline with its model wrapped in a K-fold calibration (unfitted)."""
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    model = CalibratedClassifierCV(clone(pipe.named_steps["model"]), method=method, cv=folds, ensemble=True)
    return Pipeline([("preprocess", clone(pipe.named_steps["preprocess"])), ("model", model)])


def choose(
    pipe: Pipeline,
    X: pd.DataFrame,
    y: np.ndarray,
    n_classes: int,
    seed: int,
    seconds_left: float,
    trial_seconds: float = 0.0,
) -> tuple[str | None, dict[str, Any]]:
    """The calibration method to use (None: the model as it is) and the record of the choice. `trial_seconds`: what
    the search's trial of this configuration took, a first estimate of a fit that spares even the plain fit when
    the budget is already spent."""
    if trial_seconds * FOLDS * (len(METHODS) + 2.5) > seconds_left:
        return None, {"method": None, "skipped": f"not enough time left ({max(seconds_left, 0):.1f} s)"}
    X_fit, X_val, y_fit, y_val = holdout.split(X, y, VALIDATION_SHARE, seed, stratify=True)
    if np.bincount(y_fit.astype(int), minlength=n_classes).min(initial=FOLDS) < FOLDS:
        return None, {"method": None, "skipped": f"a class has fewer than {FOLDS} rows"}
    started = time.perf_counter()
    plain = clone(pipe).fit(X_fit, y_fit)
    fit_seconds = time.perf_counter() - started
    losses = {"none": _log_loss(plain, X_val, y_val, n_classes)}
    methods = [m for m in METHODS if m != "isotonic" or len(X_fit) * (FOLDS - 1) / FOLDS >= ISOTONIC_MIN_ROWS]
    # Candidates' fits here, then K for the hold-out fit and K for the refit on every row (a little more rows).
    needed = fit_seconds * FOLDS * (len(methods) + 2.5)
    if needed > seconds_left:
        return None, {
            "method": None,
            "skipped": f"not enough time left ({seconds_left:.1f} s, needs about {needed:.1f} s)",
            "validation_log_loss": losses,
        }
    for method in methods:
        losses[method] = _log_loss(calibrated(pipe, method, seed).fit(X_fit, y_fit), X_val, y_val, n_classes)
    best = min(losses, key=lambda k: losses[k])
    chosen = best if best != "none" and losses[best] < losses["none"] * (1 - MIN_GAIN) else None
    return chosen, {"method": chosen, "folds": FOLDS, "validation_log_loss": losses, "validation_rows": len(X_val)}


def _log_loss(pipe: Pipeline, X: pd.DataFrame, y: np.ndarray, n_classes: int) -> float:
    p = np.asarray(pipe.predict_proba(X), dtype="float64")
    if p.shape[1] != n_classes:
        full = np.zeros((len(p), n_classes))
        full[:, pipe.classes_.astype(int)] = p
        p = full
    p = np.clip(p, 1e-15, 1)
    return float(skm.log_loss(y, p / p.sum(axis=1, keepdims=True), labels=list(range(n_classes))))
