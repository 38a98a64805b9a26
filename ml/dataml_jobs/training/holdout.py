"""Splitting rows into a part to fit on and a part to score on, the same way wherever training splits.

Classification splits are stratified, so every class keeps its share on both sides: sklearn's stratified
`train_test_split`, whenever it can. Every model must still know every class (XGBoost needs each label present in
what it is fitted on, and a model that never saw a class could not give it a probability), so:
- a class with a single row cannot be on both sides: its row always goes to the part fitted on, and the others are
  split as before. The part scored on has no row of that class, which is what a scorer sees of so rare a class;
- on data too small to stratify (fewer rows to score on than there are classes), each class keeps one row, drawn
  with the seed, in the part fitted on, and the part scored on is drawn from the other rows, as FLAML does.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sklearn.model_selection import train_test_split


def _rows(data: Any, idx: np.ndarray) -> Any:
    return data.iloc[idx] if hasattr(data, "iloc") else data[idx]


def _stratifiable(labels: np.ndarray, test_size: float) -> bool:
    """What sklearn's stratified split needs: two rows of every class, and as many rows on each side as classes."""
    if len(labels) == 0:
        return False
    counts = np.bincount(labels)
    classes = int((counts > 0).sum())
    n_test = math.ceil(test_size * len(labels))
    return counts[counts > 0].min() >= 2 and n_test >= classes and len(labels) - n_test >= classes


def _one_row_of_each_class_fitted(labels: np.ndarray, test_size: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.random.default_rng(seed).permutation(len(labels))
    _, first = np.unique(labels[order], return_index=True)
    others = np.delete(order, first)
    n_test = min(len(others), math.ceil(test_size * len(labels)))
    return np.concatenate([order[first], others[n_test:]]), others[:n_test]


def split(X: Any, y: np.ndarray, test_size: float, seed: int, stratify: bool) -> tuple[Any, Any, Any, Any]:
    """(X_fit, X_test, y_fit, y_test), as `train_test_split` returns them; `stratify` for classification."""
    if not stratify:
        return train_test_split(X, y, test_size=test_size, random_state=seed)
    labels = y.astype(int)
    alone = np.bincount(labels)[labels] == 1
    rest = np.flatnonzero(~alone)
    if not alone.any() and _stratifiable(labels, test_size):
        return train_test_split(X, y, test_size=test_size, random_state=seed, stratify=y)
    if _stratifiable(labels[rest], test_size):
        fit_idx, test_idx = train_test_split(rest, test_size=test_size, random_state=seed, stratify=y[rest])
        fit_idx = np.concatenate([fit_idx, np.flatnonzero(alone)])
    else:
        fit_idx, test_idx = _one_row_of_each_class_fitted(labels, test_size, seed)
    return _rows(X, fit_idx), _rows(X, test_idx), y[fit_idx], y[test_idx]
