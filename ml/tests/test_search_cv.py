"""`auto` on small data: the search cross-validates on K folds and the ensemble blends out-of-fold predictions of
every train row; larger frames keep the single validation split (training/search.py, ensemble.py, tabular.py)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.neighbors import KNeighborsRegressor
from test_train import spec, tabular

from dataml_jobs.training import ensemble
from dataml_jobs.training.model import train_frame
from dataml_jobs.training.search import FOLDS, folds_for


def test_the_rule_cross_validates_small_matrices_and_not_large_ones() -> None:
    y = np.arange(800) % 2
    small = folds_for(800, 20, y, "Classification", seed=1, search_seconds=18)
    assert isinstance(small, StratifiedKFold) and small.get_n_splits() == FOLDS
    # The same matrix with a budget too short for K fits per trial, a wide matrix at the same budget, and more rows
    # than the bound even with a budget that would afford the fits.
    assert folds_for(800, 20, y, "Classification", seed=1, search_seconds=2) is None
    assert folds_for(800, 64, y, "Classification", seed=1, search_seconds=18) is None
    assert folds_for(1600, 10, np.arange(1600) % 2, "Classification", seed=1, search_seconds=600) is None
    assert isinstance(folds_for(800, 20, y.astype(float), "Regression", seed=1, search_seconds=18), KFold)


def test_the_rarest_class_bounds_the_number_of_folds() -> None:
    y = np.array([0] * 100 + [1] * 3)
    assert folds_for(len(y), 5, y, "Classification", seed=1, search_seconds=18).get_n_splits() == 3
    single = np.array([0] * 100 + [1])
    assert folds_for(len(single), 5, single, "Classification", seed=1, search_seconds=18) is None


def test_out_of_fold_predicts_every_row_once_from_the_other_folds_and_is_deterministic() -> None:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = rng.normal(size=200)
    folds = KFold(n_splits=5, shuffle=True, random_state=4)
    # 1-nearest-neighbour repeats the target of the nearest row it was fitted on: a row predicted by a model that saw
    # it would get its own target back.
    oof = ensemble.out_of_fold(KNeighborsRegressor(n_neighbors=1), X, y, folds, clf=False, n_classes=0)
    assert oof.shape == (200, 1)
    assert not np.isclose(oof[:, 0], y).any()
    # Every prediction is the target of a row of another fold.
    fold_of = np.empty(200, dtype=int)
    for i, (_, val) in enumerate(folds.split(X)):
        fold_of[val] = i
    source = np.array([int(np.flatnonzero(np.isclose(y, v))[0]) for v in oof[:, 0]])
    assert (fold_of[source] != fold_of).all()
    again = ensemble.out_of_fold(KNeighborsRegressor(n_neighbors=1), X, y, folds, clf=False, n_classes=0)
    np.testing.assert_array_equal(oof, again)


def test_out_of_fold_class_probabilities_sum_to_one() -> None:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(1)
    X = rng.normal(size=(150, 2))
    y = (X[:, 0] + rng.normal(size=150) > 0).astype(int) + (X[:, 1] > 1)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    oof = ensemble.out_of_fold(LogisticRegression(), X, y, folds, clf=True, n_classes=3)
    np.testing.assert_allclose(oof.sum(axis=1), 1.0)


@pytest.mark.parametrize("problem", ["Classification", "Regression"])
def test_auto_on_small_data_searches_and_blends_on_folds_and_is_reproducible(problem: str) -> None:
    df, template, columns = tabular(n=300, kind="binary" if problem == "Classification" else "reg")
    s = spec(problem, "auto", template, columns, seed=5)
    s.max_trials = 6
    a = train_frame(df, s)
    config = a.metadata["config"]
    assert config["validation"] == f"{FOLDS}-fold cross-validation"
    record = config["ensemble"]
    assert record["validation"] == f"{FOLDS}-fold out-of-fold"
    # Every train row was predicted once by the candidates (the hold-out test rows never).
    assert record["validation_rows"] == a.metadata["rows"]["train"] == 240
    b = train_frame(df, s)
    assert a.metrics == b.metrics and a.leaderboard == [
        {**r, "fit_seconds": a.leaderboard[i]["fit_seconds"]} for i, r in enumerate(b.leaderboard)
    ]
    assert sum(r["selected"] for r in a.leaderboard) == 1


def test_auto_keeps_the_single_validation_split_when_folds_are_not_affordable() -> None:
    # The same frame with a budget too short for K fits per trial (the rule reads the budget, not the machine).
    df, template, columns = tabular(n=300, kind="binary")
    s = spec("Classification", "auto", template, columns, seed=5)
    s.max_trials = 6
    s.time_budget = 1.0
    t = train_frame(df, s)
    assert t.metadata["config"]["validation"] == "holdout 25%"
    record = t.metadata["config"]["ensemble"]
    assert "skipped" in record or record["validation"] == "holdout"
