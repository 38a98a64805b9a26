"""`auto`: a weighted ensemble of the best configuration of each learner family, when it beats the best single model.

After the search (`search.py`), the best configuration of each of the top families (at most `MAX_MEMBERS`, each with
a validation score within `REACH` of the best) predicts rows it was not fitted on, all within the TRAIN part (the
hold-out test set of the report is never seen): when the search cross-validated (small data), out-of-fold
predictions on the search's own K folds, so every train row is predicted once, by the member fitted on the other
folds (as AutoGluon and auto-sklearn blend); otherwise the member is fitted on 75 % of the train part and predicts
the other 25 %. On those out-of-sample predictions, greedy ensemble selection with
replacement (Caruana et al. 2004, as auto-sklearn and AutoGluon do) adds, `ROUNDS` times, the member whose addition
lowers the blend's loss most (log-loss for classification, RMSE for regression): a member's weight is the share of
rounds it was added in. Ties go to the earlier (better-searched) member, so the same predictions give the same
weights. In regression with a positive target, the best tree family's configuration fitted on log(y) is a candidate
too, right after it (`log_target.py`: it errs in relative terms where the others err in absolute ones).

The blend is kept whenever the selection gives weight to two members or more, as auto-sklearn and AutoGluon keep
theirs; otherwise `auto` keeps the search's winner. An earlier gate (the blend had to beat the single model by 0.5 %
on rows it was not selected on) kept the single model where the blend was better on the hold-out: paired on 22
tables x 2 seeds (docs/benchmarks.md), blending whenever the selection mixes lowered log loss 0.7 % and the error
rate 0.7 % and left RMSE level.

The ensemble is sklearn's VotingClassifier (soft voting: the weighted mean of the members' probabilities, which
still sum to 1) or VotingRegressor (the weighted mean of the predictions) behind the one preprocessor the search
used, so the refit on all rows refits each member with its configuration, and skl2onnx exports it for in-process
serving.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.ensemble import VotingClassifier, VotingRegressor
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.pipeline import Pipeline

from . import holdout
from .log_target import applies, log_target
from .search import FamilyBest

MAX_MEMBERS = 4
# A family is a candidate when its best validation score is at most this multiple of the best family's.
REACH = 2.0
ROUNDS = 25
VALIDATION_SHARE = 0.25
TREE_FAMILIES = ("lightgbm", "xgboost", "random_forest", "extra_trees")
# What an ensemble costs, in units of one member's out-of-sample fit (on 75 % of the train part) and prediction:
# that fit, then the hold-out fit and the refit on every row (a third and two thirds more rows), and about one more
# for the evaluation and the ONNX export, which grow with the members.
FITS_NEEDED = 1 + 4 / 3 + 5 / 3 + 1


def fits_needed(folds: KFold | StratifiedKFold | None) -> float:
    """The same cost in units of the member's out-of-sample predictions: with K folds those are K fits of (K-1)/K of
    the train part, and the fits after them weigh about `FITS_NEEDED - 1` of one fold's fit."""
    return FITS_NEEDED if folds is None else 1 + (FITS_NEEDED - 1) / folds.get_n_splits()


@dataclass
class Selection:
    weights: np.ndarray  # one per candidate, summing to 1
    loss: float


@dataclass
class Choice:
    """`members`: (name, algorithm, estimator, weight) of the kept ensemble, or empty when the single model stays.
    `oos`: the out-of-sample predictions of what was chosen (the blend, or the search's winner) and their labels,
    when they were made (`temperature.py` fits on them)."""

    members: list[tuple[str, str, Any, float]] = field(default_factory=list)
    record: dict[str, Any] = field(default_factory=dict)
    oos: tuple[np.ndarray, np.ndarray] | None = None


def log_loss(y: np.ndarray, proba: np.ndarray) -> float:
    p = np.clip(proba, 1e-15, 1)
    p = p / p.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(len(y)), y.astype(int)])))


def rmse(y: np.ndarray, pred: np.ndarray) -> float:
    return float(np.sqrt(np.mean((np.asarray(pred).reshape(len(y), -1)[:, 0] - y) ** 2)))


def greedy_selection(
    preds: Sequence[np.ndarray], y: np.ndarray, loss: Callable[[np.ndarray, np.ndarray], float], rounds: int = ROUNDS
) -> Selection:
    """Caruana's ensemble selection with replacement on out-of-sample predictions `preds` (one array per candidate,
    the same shape each). Deterministic: a tie goes to the lower index."""
    total = np.zeros_like(preds[0], dtype="float64")
    counts = np.zeros(len(preds))
    best = float("inf")
    for n in range(1, rounds + 1):
        scores = [loss(y, (total + p) / n) for p in preds]
        i = int(np.argmin(scores))
        total = total + preds[i]
        counts[i] += 1
        best = scores[i]
    return Selection(weights=counts / counts.sum(), loss=best)


def blend(preds: Sequence[np.ndarray], weights: np.ndarray) -> np.ndarray:
    return sum(w * p for w, p in zip(weights, preds, strict=True))


def candidates(families: list[FamilyBest], seconds_left: float, fits: float = FITS_NEEDED) -> list[FamilyBest]:
    """The top families within reach of the best, as many as the time left allows for `fits` times their search
    trial each (a trial scored on K folds is K fits, as its out-of-fold predictions are): a first filter, `choose`
    measures the fits it makes."""
    if not families:
        return []
    best = families[0].validation_score
    out: list[FamilyBest] = []
    cost = 0.0
    for f in families[:MAX_MEMBERS]:
        if f.validation_score > best * REACH + 1e-12:
            break
        cost += f.fit_seconds * fits
        if cost > seconds_left:
            break
        out.append(f)
    return out


def with_log_twin(found: list[FamilyBest]) -> list[FamilyBest]:
    """`found` with the best tree family's configuration fitted on log(y) right after it (`log_target.py`), so the
    time check drops the weakest families first. Trees only: their predictions stay within the range of the
    targets they were fitted on, where exp of a linear or additive model's extrapolation grows without bound."""
    i = next((i for i, f in enumerate(found) if f.algorithm in TREE_FAMILIES), None)
    if i is None:
        return found
    best = found[i]
    twin = FamilyBest(
        f"{best.estimator_name}_log",
        best.algorithm,
        log_target(best.estimator),
        best.validation_score,
        best.fit_seconds,
    )
    return [*found[: i + 1], twin, *found[i + 1 :]]


def choose(
    make_pipe: Callable[[Any], Pipeline],
    families: list[FamilyBest],
    X: pd.DataFrame,
    y: np.ndarray,
    problem: str,
    n_classes: int,
    seed: int,
    seconds_left: float,
    folds: KFold | StratifiedKFold | None = None,
    matrix: np.ndarray | None = None,
    positive: bool = False,
) -> Choice:
    """`make_pipe(estimator)`: an unfitted pipeline (the search's preprocessor) around an unfitted member. `folds`:
    the search's cross-validation folds, with `matrix`, the preprocessed rows the search cross-validated on (its
    preprocessor learnt medians, scales and categories from every train row, no target): out-of-fold predictions
    of every row on that matrix, as the search scored its trials. None: fits of pipelines on a validation share.
    `positive`: every target value of the whole table is above 0 (the refit on every row fits log(y) too), so a
    regression gets the log-target candidate."""
    folds = folds if matrix is not None else None  # out-of-fold needs the search's matrix
    fits = fits_needed(folds)
    found = candidates(families, seconds_left, fits)
    clf = problem == "Classification"
    if not clf and positive and applies(y):
        found = with_log_twin(found)
    if len(found) < 2:
        return Choice(record={"kept": False, "skipped": _why_not(families, found, seconds_left)})
    if folds is None:
        X_fit, X_val, y_fit, y_val = holdout.split(X, y, VALIDATION_SHARE, seed, stratify=clf)

        def predict(est: Any) -> np.ndarray:
            return _oos(make_pipe(est), X_fit, y_fit, X_val, clf, n_classes)
    else:
        y_val = y

        def predict(est: Any) -> np.ndarray:
            return out_of_fold(est, matrix, y, folds, clf, n_classes)

    # The search's trial times can be far off (a trial on a sample of the rows, another load on the machine): each
    # member's own out-of-sample fit is timed, and a member whose share of the ensemble's cost would overrun the
    # time left is dropped with those after it.
    preds: list[np.ndarray] = []
    spent = 0.0
    for f in found:
        started = time.perf_counter()
        pred = predict(clone(f.estimator))
        spent += (time.perf_counter() - started) * fits
        if spent > seconds_left:
            break
        preds.append(pred)
    found = found[: len(preds)]
    if len(found) < 2:
        return Choice(
            record={"kept": False, "skipped": f"not enough time left ({seconds_left:.1f} s) for a second member"}
        )
    loss = log_loss if clf else rmse
    final = greedy_selection(preds, y_val, loss)
    record: dict[str, Any] = {
        "candidates": [
            {"algorithm": f.algorithm, "estimator": f.estimator_name, "validation_score": loss(y_val, p)}
            for f, p in zip(found, preds, strict=True)
        ],
        "validation_metric": "log_loss" if clf else "rmse",
        "validation_rows": len(y_val),
        "validation": f"{folds.get_n_splits()}-fold out-of-fold" if folds is not None else "holdout",
        "rounds": ROUNDS,
    }
    used = [(f, float(w)) for f, w in zip(found, final.weights, strict=True) if w > 0]
    kept = len(used) > 1
    record.update({"kept": kept, "validation_score": final.loss})
    if not kept:  # found[0] is the search's winner (families come best first)
        return Choice(record=record, oos=(preds[0], y_val))
    members = [(f.estimator_name, f.algorithm, clone(f.estimator), w) for f, w in used]
    record["members"] = [{"algorithm": a, "estimator": n, "weight": w} for n, a, _, w in members]
    return Choice(members=members, record=record, oos=(blend(preds, final.weights), y_val))


def voting(members: list[tuple[str, str, Any, float]], problem: str) -> VotingClassifier | VotingRegressor:
    """The unfitted ensemble model of the kept members."""
    estimators = [(name, est) for name, _, est, _ in members]
    weights = np.array([w for *_, w in members])  # an array: skl2onnx's voting converters sum it
    if problem == "Classification":
        # flatten_transform only shapes `transform`, which skl2onnx does not convert when set.
        return VotingClassifier(estimators, voting="soft", weights=weights, flatten_transform=False)
    return VotingRegressor(estimators, weights=weights)


def is_ensemble(model: Any) -> bool:
    return isinstance(model, (VotingClassifier, VotingRegressor))


def _oos(
    pipe: Pipeline, X_fit: pd.DataFrame, y_fit: np.ndarray, X_val: pd.DataFrame, clf: bool, n_classes: int
) -> np.ndarray:
    pipe.fit(X_fit, y_fit)
    if not clf:
        return np.asarray(pipe.predict(X_val), dtype="float64").reshape(-1, 1)
    return class_probabilities(pipe, X_val, n_classes)


def out_of_fold(
    estimator: Any, matrix: np.ndarray, y: np.ndarray, folds: KFold | StratifiedKFold, clf: bool, n_classes: int
) -> np.ndarray:
    """Each row predicted once, by a fresh copy of `estimator` fitted on the other folds."""
    out = np.zeros((len(y), n_classes if clf else 1))
    for fit_idx, val_idx in folds.split(matrix, y):
        model = clone(estimator).fit(matrix[fit_idx], y[fit_idx])
        if clf:
            out[val_idx] = class_probabilities(model, matrix[val_idx], n_classes)
        else:
            out[val_idx, 0] = np.asarray(model.predict(matrix[val_idx]), dtype="float64")
    return out


def class_probabilities(pipe: Any, X: pd.DataFrame, n_classes: int) -> np.ndarray:
    """`predict_proba` with a column for every label: a class missing from the rows a model was fitted on gets 0."""
    p = np.asarray(pipe.predict_proba(X), dtype="float64")
    if p.shape[1] != n_classes:
        full = np.zeros((len(p), n_classes))
        full[:, pipe.classes_.astype(int)] = p
        p = full
    return p


def _why_not(families: list[FamilyBest], found: list[FamilyBest], seconds_left: float) -> str:
    if len(families) < 2:
        return "the search tried a single family"
    if len(found) < 2 and families[1].validation_score > families[0].validation_score * REACH:
        return f"no second family within {REACH}x of the best validation score"
    return f"not enough time left ({max(seconds_left, 0):.1f} s) for a second member"
