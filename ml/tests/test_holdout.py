"""The one split every training step uses: sklearn's stratified split when it can, every class fitted on always."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from dataml_jobs.training.holdout import split


def frame(y: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"row": np.arange(len(y))})


def test_without_rare_classes_it_is_sklearns_stratified_split():
    y = np.random.default_rng(0).integers(0, 3, 300)
    got = split(frame(y), y, 0.2, 5, stratify=True)
    want = train_test_split(frame(y), y, test_size=0.2, random_state=5, stratify=y)
    assert all(np.array_equal(np.asarray(a), np.asarray(b)) for a, b in zip(got, want, strict=True))
    got = split(frame(y), y.astype(float), 0.2, 5, stratify=False)
    want = train_test_split(frame(y), y.astype(float), test_size=0.2, random_state=5)
    assert all(np.array_equal(np.asarray(a), np.asarray(b)) for a, b in zip(got, want, strict=True))


def test_a_class_with_one_row_is_always_fitted_on_and_the_rest_stays_stratified():
    y = np.array([0] * 80 + [1] * 20 + [2] + [3])
    for seed in range(5):
        X_fit, X_test, y_fit, y_test = split(frame(y), y, 0.2, seed, stratify=True)
        assert {100, 101} <= set(X_fit["row"]) and not {2, 3} & set(y_test)
        assert sorted([*X_fit["row"], *X_test["row"]]) == list(range(len(y)))  # every row once
        assert np.bincount(y_test).tolist() == [16, 4]  # the other classes keep their shares
        assert np.array_equal(y[X_fit["row"]], y_fit) and np.array_equal(y[X_test["row"]], y_test)


def test_data_too_small_to_stratify_keeps_one_row_of_every_class_fitted_on():
    y = np.repeat(np.arange(6), 2)  # 12 rows, 6 classes: 3 rows to score cannot hold every class
    a = split(frame(y), y, 0.2, 1, stratify=True)
    b = split(frame(y), y, 0.2, 1, stratify=True)
    X_fit, X_test, y_fit, y_test = a
    assert set(y_fit) == set(range(6)) and len(y_test) == 3
    assert sorted([*X_fit["row"], *X_test["row"]]) == list(range(12))
    assert np.array_equal(y[X_fit["row"]], y_fit) and np.array_equal(y[X_test["row"]], y_test)
    assert all(np.array_equal(np.asarray(p), np.asarray(q)) for p, q in zip(a, b, strict=True))  # same seed, same split
