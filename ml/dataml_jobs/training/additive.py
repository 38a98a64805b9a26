"""A generalized additive model (GAM) on the preprocessed matrix: a cubic B-spline basis of each column with many
distinct values, the other columns (one-hot, flags, calendar parts) as they are, and a ridge (regression) or
logistic (classification) fit on the whole.

Its prediction is a sum of one smooth curve per numeric feature, which is what small and mid-size real tables often
hold (a wage rising with age and levelling off, a dose with a diminishing effect): the linear model cannot bend, and
trees need many rows to draw a smooth curve. It is the family H2O's GAM, R's mgcv and InterpretML's EBM build on. On
the quality bench's regression tables a ridge on 4-knot splines beat the ridge on the raw columns on diabetes and
CPS wages and lost on Carseats (docs/benchmarks.md), so it is one more family of `auto`'s search
(`search.py`), chosen only where its validation score says so.

Knots sit at quantiles of the column (repeated quantiles merged), so a skewed column gets its knots where its rows
are; beyond the outer knots the curve continues as a straight line. Every feature's contribution to a row's raw
output (the value, or the log-odds / softmax score) is exact: its basis columns times their coefficients, centred on
the training mean, so base value + contributions equals the raw output (`contributions`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.preprocessing import SplineTransformer

# A column gets a spline only with at least this many distinct values; fewer (a one-hot column, a small count) stay
# linear terms.
MIN_DISTINCT = 10
DEGREE = 3
# The expanded matrix is dense: at most this many cells (200 MB of float64). On larger data the columns after the
# budget is spent stay linear terms, in their order, so the fit's memory is bounded whatever the rows and columns.
MAX_CELLS = 25_000_000


class _Basis:
    """Per column: a fitted SplineTransformer on its quantile knots, or None (the column stays as it is)."""

    def __init__(self, n_knots: int) -> None:
        self.n_knots = n_knots

    def fit(self, X: np.ndarray) -> _Basis:
        self.splines: list[SplineTransformer | None] = []
        owner: list[int] = []  # basis column -> input column
        n, p = X.shape
        spare = MAX_CELLS // max(n, 1) - p  # basis columns the budget allows beyond one per input column
        for j in range(p):
            col = X[:, j]
            spline = None
            if spare >= self.n_knots + DEGREE - 2 and len(np.unique(col)) >= MIN_DISTINCT:
                knots = np.unique(np.quantile(col, np.linspace(0, 1, self.n_knots)))
                if len(knots) >= 3:
                    spline = SplineTransformer(
                        knots=knots.reshape(-1, 1), degree=DEGREE, extrapolation="linear", include_bias=True
                    ).fit(col.reshape(-1, 1))
            self.splines.append(spline)
            width = 1 if spline is None else spline.n_features_out_
            spare -= width - 1
            owner.extend([j] * width)
        self.owner_ = np.asarray(owner)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        parts = [X[:, j : j + 1] if s is None else s.transform(X[:, j : j + 1]) for j, s in enumerate(self.splines)]
        return np.hstack(parts)


class AdditiveModel(BaseEstimator):
    """What the regressor and the classifier share: the basis, and the exact per-column contributions. `linear_` is
    the fitted ridge / logistic model on the basis (`additive_onnx.py` reads its coefficients)."""

    n_knots: int

    def _expand_fit(self, X: Any) -> np.ndarray:
        X = np.asarray(X, dtype="float64")
        self.basis_ = _Basis(int(self.n_knots)).fit(X)
        self.n_features_in_ = X.shape[1]
        B = self.basis_.transform(X)
        self.basis_mean_ = B.mean(axis=0)
        return B

    def _expand(self, X: Any) -> np.ndarray:
        return self.basis_.transform(np.asarray(X, dtype="float64"))

    def contributions(self, X: Any) -> tuple[np.ndarray, np.ndarray]:
        """(per input column [rows, columns, outputs], base [rows, outputs]): base + the contributions summed over
        the columns equals the raw output, exactly."""
        B = self._expand(X)
        coef = np.atleast_2d(np.asarray(self.linear_.coef_, dtype="float64"))  # [outputs, basis columns]
        intercept = np.atleast_1d(np.asarray(self.linear_.intercept_, dtype="float64"))
        centred = (B - self.basis_mean_)[:, :, None] * coef.T[None, :, :]
        n_cols = self.n_features_in_
        per_col = np.zeros((B.shape[0], n_cols, coef.shape[0]))
        np.add.at(per_col, (slice(None), self.basis_.owner_), centred)
        base = intercept + self.basis_mean_ @ coef.T
        return per_col, np.tile(base, (B.shape[0], 1))


class AdditiveRegressor(RegressorMixin, AdditiveModel):
    def __init__(self, n_knots: int = 5, alpha: float = 1.0) -> None:
        self.n_knots = n_knots
        self.alpha = alpha

    def fit(self, X: Any, y: Any, sample_weight: Any = None) -> AdditiveRegressor:
        B = self._expand_fit(X)
        self.linear_ = Ridge(alpha=self.alpha).fit(B, np.asarray(y, dtype="float64"), sample_weight=sample_weight)
        return self

    def predict(self, X: Any) -> np.ndarray:
        return self.linear_.predict(self._expand(X))


class AdditiveClassifier(ClassifierMixin, AdditiveModel):
    def __init__(self, n_knots: int = 5, C: float = 1.0, random_state: int | None = None) -> None:
        self.n_knots = n_knots
        self.C = C
        self.random_state = random_state

    def fit(self, X: Any, y: Any, sample_weight: Any = None) -> AdditiveClassifier:
        B = self._expand_fit(X)
        self.linear_ = LogisticRegression(C=self.C, max_iter=2000, random_state=self.random_state)
        self.linear_.fit(B, y, sample_weight=sample_weight)
        self.classes_ = self.linear_.classes_
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        return self.linear_.decision_function(self._expand(X))

    def predict_proba(self, X: Any) -> np.ndarray:
        return self.linear_.predict_proba(self._expand(X))

    def predict(self, X: Any) -> np.ndarray:
        return self.linear_.predict(self._expand(X))
