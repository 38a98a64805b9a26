"""Classification and regression: candidate pipelines, the held-out evaluation, `auto`, and the refit on all rows.

Every model is ONE sklearn Pipeline (preprocess -> model). Data is split once with the seed (stratified for
classification) into train (80 %) and a held-out test set (20 %). `auto` searches on the train part only
(`search.py`, which scores trials by K-fold cross-validation on small data, on a held-out share of it otherwise;
the ensemble step blends the families' predictions on rows they were not fitted on: out-of-fold with the same
folds, or that share). The chosen pipeline is fitted on the train part and evaluated on
the test set, which neither the search nor the fit saw: those are the reported metrics. Then the same pipeline
(same algorithm and hyper-parameters) is fitted again on every row, and that refit is the model deployed, as
H2O and AutoGluon's `refit_full` do: the 20 % held out for the report is not lost to the model.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sklearn import metrics as skm
from sklearn.base import clone
from sklearn.pipeline import Pipeline

from . import calibration, ensemble, holdout, log_target, temperature
from .curves import classification_curves, regression_curves
from .preprocess import Feature, build_preprocessor
from .search import VALIDATION_SHARE, SearchResult, folds_for, search
from .spans import span

ALGORITHMS = ("xgboost", "lightgbm", "random_forest", "linear")
DEFAULT_TIME_BUDGET = 120.0
# The share of the time budget the search may use; the rest is for the hold-out fit, the refit and the export.
SEARCH_SHARE = 0.6
# With cross-validation (small data: under 1,000 train rows) the search gets more: every fit after it is cheap (the
# ensemble's out-of-fold fits, the hold-out fit and the refit took 1-3 s at 45 %, which left a third of the budget
# unused), and a longer search still finds better boosted trees there (docs/benchmarks.md#the-search-share).
CV_SEARCH_SHARE = 0.7
TEST_SIZE = 0.2
# The share of the time budget kept for the evaluation, the curves and the ONNX export after the fits.
EXPORT_SHARE = 0.1


def make_estimator(
    algorithm: str, problem: str, n_classes: int, seed: int, params: dict[str, Any] | None = None
) -> Any:
    params = dict(params or {})
    clf = problem == "Classification"
    if algorithm == "xgboost":
        import xgboost as xgb

        base = {
            "n_estimators": 200,
            "learning_rate": 0.1,
            "max_depth": 6,
            "tree_method": "hist",
            "n_jobs": 1,
            "random_state": seed,
        }
        if clf and n_classes > 2:
            base["objective"] = "multi:softprob"
        return (xgb.XGBClassifier if clf else xgb.XGBRegressor)(**{**base, **params})
    if algorithm == "lightgbm":
        from . import lgbm as lgb

        base = {
            "n_estimators": 200,
            "learning_rate": 0.1,
            "num_leaves": 31,
            "n_jobs": 1,
            "random_state": seed,
            "verbose": -1,
            "deterministic": True,
            "force_row_wise": True,
        }
        return (lgb.LGBMClassifier if clf else lgb.LGBMRegressor)(**{**base, **params})
    if algorithm == "random_forest":
        from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor

        base = {"n_estimators": 200, "n_jobs": 1, "random_state": seed, "min_samples_leaf": 1}
        return (RandomForestClassifier if clf else RandomForestRegressor)(**{**base, **params})
    if algorithm == "extra_trees":  # chosen by `auto` only
        from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor

        base = {"n_estimators": 200, "n_jobs": 1, "random_state": seed}
        return (ExtraTreesClassifier if clf else ExtraTreesRegressor)(**{**base, **params})
    if algorithm == "gam":  # chosen by `auto` only
        from .additive import AdditiveClassifier, AdditiveRegressor

        if clf:
            return AdditiveClassifier(**{"random_state": seed, **params})
        return AdditiveRegressor(**params)
    if algorithm == "linear":
        from sklearn.linear_model import LinearRegression, LogisticRegression

        if clf:
            return LogisticRegression(**{"max_iter": 2000, "random_state": seed, **params})
        return LinearRegression(**params)
    raise ValueError(f"unknown algorithm {algorithm!r}")


def make_pipeline(
    algorithm: str,
    problem: str,
    features: list[Feature],
    n_classes: int,
    seed: int,
    params: dict[str, Any] | None = None,
    estimator: Any = None,
) -> Pipeline:
    """`estimator`: an unfitted model to use as it is (the winner of `auto`) instead of one made from `params`."""
    pre = build_preprocessor(features, scale_numeric=algorithm in ("linear", "gam"))
    model = estimator if estimator is not None else make_estimator(algorithm, problem, n_classes, seed, params)
    return Pipeline([("preprocess", pre), ("model", model)])


def classification_metrics(y_true: np.ndarray, proba: np.ndarray, n_classes: int) -> dict[str, Any]:
    pred = proba.argmax(axis=1)
    binary = n_classes == 2
    avg = "binary" if binary else "macro"
    # One pass for precision, recall and F1 (the values precision_score, recall_score and f1_score would give).
    precision, recall, f1, _ = skm.precision_recall_fscore_support(y_true, pred, average=avg, zero_division=0)
    out: dict[str, Any] = {
        "accuracy": float(skm.accuracy_score(y_true, pred)),
        "precision": float(precision),
        "recall": float(recall),
        "f1_score": float(f1),
        "average": avg,
        "confusion_matrix": skm.confusion_matrix(y_true, pred, labels=list(range(n_classes))).astype(int).tolist(),
    }
    try:
        if binary:
            out["roc_auc"] = float(skm.roc_auc_score(y_true, proba[:, 1]))
        else:
            out["roc_auc"] = float(
                skm.roc_auc_score(y_true, proba, multi_class="ovr", average="macro", labels=list(range(n_classes)))
            )
    except ValueError:  # a class absent from the test set
        out["roc_auc"] = None
    out["log_loss"] = _log_loss(y_true, proba, n_classes)
    return out


def _log_loss(y_true: np.ndarray, proba: np.ndarray, n_classes: int) -> float:
    clipped = np.clip(proba, 1e-15, 1)
    return float(skm.log_loss(y_true, clipped / clipped.sum(axis=1, keepdims=True), labels=list(range(n_classes))))


def regression_metrics(y_true: np.ndarray, pred: np.ndarray) -> dict[str, Any]:
    nonzero = np.abs(y_true) > 1e-12
    mape = float(np.mean(np.abs((y_true[nonzero] - pred[nonzero]) / y_true[nonzero]))) if nonzero.any() else None
    return {
        "rmse": float(np.sqrt(skm.mean_squared_error(y_true, pred))),
        "mae": float(skm.mean_absolute_error(y_true, pred)),
        "r2": float(skm.r2_score(y_true, pred)),
        "mape": mape,
    }


def headline(problem: str, m: dict[str, Any]) -> float:
    """The one number the lists show as `accuracy`: accuracy (classification), R² (regression)."""
    return float(m["accuracy"] if problem == "Classification" else m["r2"])


def evaluate(pipe: Pipeline, problem: str, X: pd.DataFrame, y: np.ndarray, n_classes: int) -> dict[str, Any]:
    if problem == "Classification":
        return classification_metrics(y, ensemble.class_probabilities(pipe, X, n_classes), n_classes)
    return regression_metrics(y, np.asarray(pipe.predict(X), dtype="float64"))


def evaluation_curves(pipe: Pipeline, problem: str, X: pd.DataFrame, y: np.ndarray, n_classes: int) -> dict[str, Any]:
    if problem == "Classification":
        return classification_curves(y, ensemble.class_probabilities(pipe, X, n_classes), list(range(n_classes)))
    return regression_curves(y, np.asarray(pipe.predict(X), dtype="float64"))


def baseline_metrics(problem: str, y_train: np.ndarray, y_test: np.ndarray, n_classes: int) -> dict[str, Any]:
    """The trivial model: the majority class, or the training mean."""
    if problem == "Classification":
        counts = np.bincount(y_train.astype(int), minlength=n_classes)
        proba = np.tile(counts / counts.sum(), (len(y_test), 1))
        # Only the three metrics kept, computed as classification_metrics computes them
        # (no ROC AUC, confusion matrix...).
        pred = proba.argmax(axis=1)
        avg = "binary" if n_classes == 2 else "macro"
        return {
            "model": "majority_class",
            "accuracy": float(skm.accuracy_score(y_test, pred)),
            "f1_score": float(skm.f1_score(y_test, pred, average=avg, zero_division=0)),
            "log_loss": _log_loss(y_test, proba, n_classes),
        }
    m = regression_metrics(y_test, np.full(len(y_test), float(np.mean(y_train))))
    return {"model": "mean", **m}


@dataclass
class TabularOutcome:
    pipeline: Pipeline
    algorithm: str
    metrics: dict[str, Any]
    baseline: dict[str, Any]
    leaderboard: list[dict[str, Any]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)


def split(X: pd.DataFrame, y: np.ndarray, problem: str, seed: int, test_size: float = TEST_SIZE):
    return holdout.split(X, y, test_size, seed, stratify=problem == "Classification")


def train_tabular(
    X: pd.DataFrame,
    y: np.ndarray,
    *,
    problem: str,
    algorithm: str,
    features: list[Feature],
    n_classes: int,
    seed: int,
    time_budget: float = DEFAULT_TIME_BUDGET,
    params: dict[str, Any] | None = None,
    max_trials: int | None = None,
    before_fit: Callable[[Pipeline], None] | None = None,
) -> TabularOutcome:
    """`before_fit` is called with the final pipeline just before it is fitted (the train job starts its warm-up
    of the export and upload libraries then, in a thread, while the model fits)."""
    started = time.perf_counter()
    with span("split"):
        X_tr, X_te, y_tr, y_te = split(X, y, problem, seed)
    leaderboard: list[dict[str, Any]] = []
    members: list[tuple[str, str, Any, float]] = []
    chosen = algorithm
    estimator = None
    search_info: dict[str, Any] = {}
    oos: tuple[np.ndarray, np.ndarray] | None = None
    if algorithm == "auto":
        with span("search"):
            found, matrix = _search(X_tr, y_tr, problem, features, seed, time_budget, max_trials)
        chosen, estimator, leaderboard = found.algorithm, found.estimator, found.leaderboard
        search_info = {
            "search": "flaml",
            "trials": found.trials,
            "max_trials": max_trials,
            "validation": (
                f"{found.folds.get_n_splits()}-fold cross-validation"
                if found.folds is not None
                else f"holdout {VALIDATION_SHARE:.0%}"
            ),
        }
        params = None
        with span("ensemble"):
            # The sign of the target over every row: the refit on all of them fits a log-target member too.
            positive = problem != "Classification" and log_target.applies(y)
            members, search_info["ensemble"], leaderboard, oos = _ensemble(
                found,
                matrix,
                X_tr,
                y_tr,
                problem,
                features,
                n_classes,
                seed,
                time_budget,
                max_trials,
                started,
                positive,
            )
    if members:
        chosen = "ensemble"
        pre = build_preprocessor(features, scale_numeric=True)  # the search's: numbers scaled for a linear member
        pipe = Pipeline([("preprocess", pre), ("model", ensemble.voting(members, problem))])
    else:
        pipe = make_pipeline(chosen, problem, features, n_classes, seed, params, estimator)
    # An ensemble's log-loss blend already weighs its members' probabilities; its calibration is not searched.
    method = None
    if algorithm == "auto" and problem == "Classification" and not members:
        with span("calibrate"):
            # What the budget leaves once the search is done, less a reserve for the evaluation and the export.
            # With `max_trials` the model must not depend on the machine's speed: the comparison always runs.
            left = (
                float("inf")
                if max_trials is not None
                else time_budget * (1 - EXPORT_SHARE) - (time.perf_counter() - started)
            )
            trial = next((r["fit_seconds"] for r in leaderboard if r["selected"]), 0.0)
            method, search_info["calibration"] = calibration.choose(pipe, X_tr, y_tr, n_classes, seed, left, trial)
        if method is not None:
            pipe = calibration.calibrated(pipe, method, seed)
    # A calibrated model's probabilities are fitted already; otherwise one temperature on the chosen model's
    # out-of-sample predictions, when rows it was not fitted on say it helps (temperature.py).
    if algorithm == "auto" and problem == "Classification" and method is None and oos is not None:
        with span("temperature"):
            t, search_info["temperature_scaling"] = temperature.choose(oos[0], oos[1], seed)
        if t is not None:
            pipe = Pipeline(
                [
                    ("preprocess", pipe.named_steps["preprocess"]),
                    ("model", temperature.TemperatureScaled(pipe.named_steps["model"], t)),
                ]
            )
    if before_fit is not None:
        before_fit(pipe)
    with span("fit"):
        pipe.fit(X_tr, y_tr)
    with span("evaluate"):
        m = evaluate(pipe, problem, X_te, y_te, n_classes)
        m["curves"] = evaluation_curves(pipe, problem, X_te, y_te, n_classes)
    with span("refit"):
        # The same settings on every row; `clone` keeps the hyper-parameters and drops what the first fit learnt.
        pipe = clone(pipe).fit(X, y)
    m["headline"] = headline(problem, m)
    m["headline_metric"] = "accuracy" if problem == "Classification" else "r2"
    model = temperature.inner(pipe.named_steps["model"])
    with span("baseline"):
        baseline = baseline_metrics(problem, y_tr, y_te, n_classes)
    return TabularOutcome(
        pipeline=pipe,
        algorithm=chosen,
        metrics=m,
        baseline=baseline,
        leaderboard=leaderboard,
        # fit: the rows the deployed model was fitted on (all of them); train/test: the hold-out evaluation's.
        rows={"train": len(X_tr), "test": len(X_te), "fit": len(X)},
        config={
            "algorithm": chosen,
            "requested_algorithm": algorithm,
            "test_size": TEST_SIZE,
            "time_budget_seconds": time_budget,
            "refit_on_all_rows": True,
            **search_info,
            "model_class": type(model).__name__,
            "temperature": getattr(pipe.named_steps["model"], "temperature", None),
            "params": _plain(model.get_params()),
        },
    )


def _search(
    X: pd.DataFrame,
    y: np.ndarray,
    problem: str,
    features: list[Feature],
    seed: int,
    time_budget: float,
    max_trials: int | None,
) -> tuple[SearchResult, np.ndarray]:
    """Runs the search on the preprocessed train part (the preprocessor is fitted on it alone); that matrix too."""
    matrix = np.asarray(build_preprocessor(features, scale_numeric=True).fit_transform(X), dtype="float64")
    folds = folds_for(matrix.shape[0], matrix.shape[1], y, problem, seed, time_budget * SEARCH_SHARE)
    found = search(
        matrix,
        y,
        problem=problem,
        seed=seed,
        time_budget=time_budget * (SEARCH_SHARE if folds is None else CV_SEARCH_SHARE),
        max_trials=max_trials,
        folds=folds,
    )
    return found, matrix


def _ensemble(
    found: SearchResult,
    matrix: np.ndarray,
    X: pd.DataFrame,
    y: np.ndarray,
    problem: str,
    features: list[Feature],
    n_classes: int,
    seed: int,
    time_budget: float,
    max_trials: int | None,
    started: float,
    positive: bool,
) -> tuple[
    list[tuple[str, str, Any, float]], dict[str, Any], list[dict[str, Any]], tuple[np.ndarray, np.ndarray] | None
]:
    """The kept ensemble's members (none: the search's winner stays), the record of the choice, the leaderboard
    with the ensemble as its own row (selected in place of the winner when kept), and the out-of-sample
    predictions of what was chosen with their labels (None when the step made none)."""
    step = time.perf_counter()
    # With `max_trials` the model must not depend on the machine's speed: the ensemble is always tried.
    left = (
        float("inf") if max_trials is not None else time_budget * (1 - EXPORT_SHARE) - (time.perf_counter() - started)
    )
    pre = build_preprocessor(features, scale_numeric=True)
    picked = ensemble.choose(
        lambda est: Pipeline([("preprocess", clone(pre)), ("model", est)]),
        found.families,
        X,
        y,
        problem,
        n_classes,
        seed,
        left,
        found.folds,
        matrix,
        positive,
    )
    board = found.leaderboard
    record = picked.record
    if picked.members:
        board = [{**r, "selected": False} for r in board]
        board.append(
            {
                "trial": max((r["trial"] for r in board), default=-1) + 1,
                "algorithm": "ensemble",
                "estimator": "ensemble",
                "config": {"members": record["members"]},
                "members": record["members"],
                "validation_metric": record["validation_metric"],
                "validation_score": record["validation_score"],
                "rows_sampled": record["validation_rows"],
                "fit_seconds": round(time.perf_counter() - step, 3),
                "selected": True,
            }
        )
    return picked.members, record, board, picked.oos


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in params.items():
        if v is None or isinstance(v, (bool, int, float, str)):
            out[k] = v if not (isinstance(v, float) and np.isnan(v)) else None
    return out
