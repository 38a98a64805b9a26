"""`auto`: a hyper-parameter search with FLAML over LightGBM, XGBoost, random forest, extra trees, a linear model and
a generalized additive model (`additive.py`, registered with FLAML as a learner of our own).

FLAML searches on the preprocessed matrix (the same preprocessor the deployed pipeline uses, with numeric scaling so
the linear candidate is fair; trees are unaffected by it). How a trial is scored depends on the data's size
(`folds_for`): a small matrix, where a quarter of the rows is too few to tell configurations apart, is scored by
K-fold cross-validation on every row (the folds are the caller's, so the ensemble's out-of-fold predictions use
the same ones); a larger one on 25 % of the rows held out, as K fits per trial would leave too few trials.
Its cost-frugal search starts every family small (few trees, low capacity) and grows the number of trees only while
validation improves, which is what early stopping would do, and it stays within the time budget.

Only the winner's estimator class and hyper-parameters leave this module: the caller puts a fresh copy in its own
sklearn Pipeline, so the model families (and their ONNX export) are the ones the fixed algorithms use.

Reproducibility: with `max_trials` the search runs exactly that many trials, visiting the families in turn
(FLAML's round-robin learner selector; its default selector picks by measured trial time), so the same data, seed
and `max_trials` give the same model. A search bounded by time alone runs as many trials as fit in the budget.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from flaml.config import SMALL_LARGE_THRES
from sklearn.base import clone
from sklearn.model_selection import KFold, StratifiedKFold

# FLAML's estimator names -> the platform's algorithm names.
FAMILIES = {
    "lgbm": "lightgbm",
    "xgboost": "xgboost",
    "rf": "random_forest",
    "extra_tree": "extra_trees",
    "lrl2": "linear",
    "enet": "linear",
    "gam": "gam",
}
CLASSIFICATION_ESTIMATORS = ["lgbm", "xgboost", "rf", "extra_tree", "lrl2", "gam"]
REGRESSION_ESTIMATORS = ["lgbm", "xgboost", "rf", "extra_tree", "enet", "gam"]
VALIDATION_SHARE = 0.25
FOLDS = 5
# Above this many train rows the 25 % validation share (250 rows and more) already ranks configurations well enough,
# and K fits per trial cost more search than they add: on the quality bench at a 30 s budget, cross-validation
# helped on 353-455 train rows and lost on 1,600-3,200 (fewer trials for the boosters). FLAML's own bound is 100,000.
CV_MAX_ROWS = 1000
# LightGBM's own defaults (100 trees of 31 leaves at rate 0.1; FLAML's bounds for the regularisation terms) as the
# first LightGBM trial: FLAML otherwise starts every family at its smallest, and a short budget would then end
# with a model worse than the default a data scientist gets by hand.
LGBM_DEFAULTS = {
    "n_estimators": 100,
    "num_leaves": 31,
    "min_child_samples": 20,
    "learning_rate": 0.1,
    "log_max_bin": 8,
    "colsample_bytree": 1.0,
    "reg_alpha": 1 / 1024,
    "reg_lambda": 1.0,
}


def folds_for(
    n_rows: int, n_cols: int, y: np.ndarray, problem: str, seed: int, search_seconds: float
) -> KFold | StratifiedKFold | None:
    """The K folds to search (and blend) with, or None for the single validation split.

    FLAML's own rule for `eval_method='auto'`, on the preprocessed matrix: cross-validate while rows x columns
    stays under what its estimate of an hour's work, scaled to the search budget, allows (a 18 s search: 50,000
    cells; 72 s: 200,000), and, tighter than FLAML, below `CV_MAX_ROWS` rows. The rule reads the budget, never
    the machine's speed, so the same data and budget always choose the same way (also with `max_trials`).
    Stratified for classification; fewer folds when the rarest class has fewer rows than `FOLDS`, the single split
    when it has one row."""
    if not (n_rows * n_cols / 0.9 < SMALL_LARGE_THRES * (search_seconds / 3600) and n_rows < CV_MAX_ROWS):
        return None
    if problem != "Classification":
        return KFold(n_splits=FOLDS, shuffle=True, random_state=seed) if n_rows >= 2 * FOLDS else None
    k = min(FOLDS, int(np.bincount(y.astype(int)).astype(float)[np.bincount(y.astype(int)) > 0].min()))
    return StratifiedKFold(n_splits=k, shuffle=True, random_state=seed) if k >= 2 else None


@dataclass
class FamilyBest:
    """The best configuration the search found for one learner family: an ensemble candidate (`ensemble.py`)."""

    estimator_name: str  # FLAML's name
    algorithm: str
    estimator: Any  # unfitted
    validation_score: float
    fit_seconds: float  # what its trial took, a first estimate of one fit


@dataclass
class SearchResult:
    algorithm: str
    estimator: Any  # unfitted, with the winning hyper-parameters
    leaderboard: list[dict[str, Any]]
    trials: int
    # The folds trials were scored on (None: the single validation split).
    folds: KFold | StratifiedKFold | None = None
    # Every family the search tried, best validation score first (the winner's estimator is `estimator` itself).
    families: list[FamilyBest] = field(default_factory=list)


def search(
    X: np.ndarray,
    y: np.ndarray,
    *,
    problem: str,
    seed: int,
    time_budget: float,
    max_trials: int | None = None,
    folds: KFold | StratifiedKFold | None = None,
) -> SearchResult:
    """`folds`: score trials by cross-validation on these folds (`folds_for`) instead of a held-out 25 %."""
    from flaml import AutoML

    clf = problem == "Classification"
    metric = "log_loss" if clf else "rmse"
    automl = AutoML()
    automl.add_learner("gam", gam_learner(clf))
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "trials.log")
        bounded = max_trials is not None
        automl.fit(
            X,
            y,
            task="classification" if clf else "regression",
            metric=metric,
            estimator_list=CLASSIFICATION_ESTIMATORS if clf else REGRESSION_ESTIMATORS,
            time_budget=-1 if bounded else max(time_budget, 1.0),
            max_iter=max_trials if bounded else None,
            learner_selector="roundrobin" if bounded or folds is not None else "sample",
            starting_points={"lgbm": LGBM_DEFAULTS},
            seed=seed,
            n_jobs=1,
            eval_method="cv" if folds is not None else "holdout",
            split_ratio=VALIDATION_SHARE,
            # A splitter object: FLAML uses its folds as they are (its own would use a fixed seed of its own).
            split_type=folds,
            n_splits=folds.get_n_splits() if folds is not None else FOLDS,
            retrain_full=False,
            log_file_name=log,
            log_type="all",
            verbose=0,
        )
        with open(log) as fh:
            records = [json.loads(line) for line in fh if line.strip()]
    trials = [r for r in records if r.get("learner")]
    if automl.best_estimator is None:
        raise RuntimeError("the search finished no trial within its budget")
    # The model FLAML fitted for the winning trial when it kept one (the single split), else built from its config.
    if automl.model is not None:
        estimator = _seeded(clone(automl.model.estimator), seed)
    else:
        estimator = _build(automl, automl.best_estimator, seed)
    best_loss = automl.best_loss
    board = []
    chosen_marked = False
    for r in trials:
        loss = float(r["validation_loss"])
        selected = (
            not chosen_marked and r["learner"] == automl.best_estimator and _same(r["config"], automl.best_config)
        )
        chosen_marked = chosen_marked or selected
        board.append(
            {
                "trial": int(r["record_id"]),
                "algorithm": FAMILIES[r["learner"]],
                "estimator": r["learner"],
                "config": _plain(r["config"]),
                "validation_metric": metric,
                "validation_score": loss,
                "rows_sampled": int(r.get("sample_size") or 0),
                "fit_seconds": round(float(r["trial_time"]), 3),
                "selected": selected,
            }
        )
    if not chosen_marked:  # the log rounds configs: mark the best-loss trial of the winning family
        best = min(
            (b for b in board if b["estimator"] == automl.best_estimator),
            key=lambda b: abs(b["validation_score"] - best_loss),
        )
        best["selected"] = True
    return SearchResult(
        algorithm=FAMILIES[automl.best_estimator],
        estimator=estimator,
        leaderboard=board,
        trials=len(trials),
        folds=folds,
        families=_families(automl, estimator, board, seed),
    )


def gam_learner(classification: bool) -> type:
    """FLAML's learner for the additive model (`additive.py`): the number of knots per spline and the strength of the
    ridge (regression) or logistic (classification) penalty."""
    from flaml import tune
    from flaml.automl.model import SKLearnEstimator

    from .additive import AdditiveClassifier, AdditiveRegressor

    penalty = "C" if classification else "alpha"

    class GamEstimator(SKLearnEstimator):
        @classmethod
        def search_space(cls, data_size: Any = None, **params: Any) -> dict[str, Any]:
            return {
                "n_knots": {"domain": tune.randint(3, 13), "init_value": 5, "low_cost_init_value": 3},
                penalty: {"domain": tune.loguniform(1e-3, 1e3), "init_value": 1.0},
            }

        @classmethod
        def cost_relative2lgbm(cls) -> float:
            return 2

        def config2params(self, config: dict[str, Any]) -> dict[str, Any]:
            params = super().config2params(config)
            params.pop("n_jobs", None)
            seed = params.pop("random_seed", None)
            if classification:
                params.setdefault("random_state", seed)
            return params

        def __init__(self, task: Any = "regression", **config: Any) -> None:
            super().__init__(task, **config)
            self.estimator_class = AdditiveClassifier if classification else AdditiveRegressor

    return GamEstimator


def _seeded(estimator: Any, seed: int) -> Any:
    """FLAML's estimator as the platform deploys it: our LightGBM classes (`lgbm.py`: an exact ONNX copy), and
    the request's seed (FLAML ran it with n_jobs=1 and a fixed seed of its own) deciding the model's randomness."""
    from .lgbm import ours

    estimator = ours(estimator)
    if "random_state" in estimator.get_params():
        estimator.set_params(random_state=seed)
    return estimator


def _families(automl: Any, winner: Any, board: list[dict[str, Any]], seed: int) -> list[FamilyBest]:
    """The best configuration of each family, as an unfitted estimator built the way FLAML built its trial's."""
    out = []
    for name, loss in automl.best_loss_per_estimator.items():
        config = automl.best_config_per_estimator.get(name)
        if config is None or loss is None or not np.isfinite(loss):
            continue  # a family without a finished trial
        estimator = winner if name == automl.best_estimator else _build(automl, name, seed)
        rows = [b for b in board if b["estimator"] == name]
        trial = min(rows, key=lambda b: abs(b["validation_score"] - loss))["fit_seconds"] if rows else 0.0
        out.append(FamilyBest(name, FAMILIES[name], estimator, float(loss), float(trial)))
    return sorted(out, key=lambda f: (f.validation_score, f.estimator_name))


def _build(automl: Any, name: str, seed: int) -> Any:
    """The unfitted estimator of a family's best configuration, built the way FLAML built its trial's (with
    cross-validation FLAML keeps no fitted model of its own when it does not retrain)."""
    config = automl.best_config_per_estimator[name]
    wrapper = automl._state.learner_classes[name](task=automl._state.task, n_jobs=1, **config)
    return _seeded(wrapper.estimator_class(**wrapper.params), seed)


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _plain(a) == _plain(b)


def _plain(config: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in config.items():
        if isinstance(v, np.generic):
            v = v.item()
        out[k] = round(v, 6) if isinstance(v, float) else v
    return out
