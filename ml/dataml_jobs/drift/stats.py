"""Per-feature drift statistics: the population stability index and a two-sample test.

PSI = sum over bins of (cur - ref) * ln(cur / ref), with the shares of the reference and the current sample per bin.
Numeric features are binned by the reference's quantiles (deciles by default; equal quantiles merge), categorical
ones by level; missing values are a bin of their own in both. Shares are floored at EPSILON so that a bin empty on
one side counts as a large but finite shift.

The two-sample test: Kolmogorov-Smirnov for numeric features (on the non-missing values), chi-square on the
contingency table of levels (missing included) for categorical ones. With thousands of rows a negligible
difference is "significant", so a test flags only with a minimum effect: the KS statistic D, or Cramér's V for
the chi-square. A feature is flagged when PSI >= psi, or when p < p_value and the effect >= min_effect.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

EPSILON = 1e-4
MISSING = "__missing__"


@dataclass(frozen=True)
class Thresholds:
    psi: float = 0.2
    p_value: float = 0.01
    min_effect: float = 0.1
    bins: int = 10

    @classmethod
    def of(cls, d: dict[str, Any] | None) -> Thresholds:
        d = d or {}
        base = cls()
        return cls(
            psi=float(d.get("psi", base.psi)),
            p_value=float(d.get("p_value", base.p_value)),
            min_effect=float(d.get("min_effect", base.min_effect)),
            bins=int(d.get("bins", base.bins)),
        )


def _psi(ref_counts: np.ndarray, cur_counts: np.ndarray) -> float:
    r = np.maximum(ref_counts / max(ref_counts.sum(), 1), EPSILON)
    c = np.maximum(cur_counts / max(cur_counts.sum(), 1), EPSILON)
    return float(np.sum((c - r) * np.log(c / r)))


def numeric_edges(ref: np.ndarray, bins: int) -> np.ndarray:
    """Inner bin edges: the reference's quantiles, without duplicates (a constant feature has none)."""
    values = ref[~np.isnan(ref)]
    if values.size == 0:
        return np.array([])
    return np.unique(np.quantile(values, np.linspace(0, 1, bins + 1)[1:-1]))


def numeric_counts(x: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Counts per bin (right-closed quantile bins, then the missing bin last)."""
    missing = np.isnan(x)
    idx = np.searchsorted(edges, x[~missing], side="left")
    counts = np.bincount(idx, minlength=edges.size + 1).astype("float64")
    return np.append(counts, float(missing.sum()))


def numeric_drift(ref: np.ndarray, cur: np.ndarray, t: Thresholds) -> dict[str, Any]:
    ref = np.asarray(ref, dtype="float64")
    cur = np.asarray(cur, dtype="float64")
    edges = numeric_edges(ref, t.bins)
    psi = _psi(numeric_counts(ref, edges), numeric_counts(cur, edges))
    r, c = ref[~np.isnan(ref)], cur[~np.isnan(cur)]
    if r.size and c.size:
        ks = stats.ks_2samp(r, c)
        statistic, p = float(ks.statistic), float(ks.pvalue)
    else:
        statistic, p = None, None
    return _verdict("numeric", "ks", psi, statistic, statistic, p, t) | {
        "reference": _numeric_summary(ref),
        "current": _numeric_summary(cur),
    }


def _levels(x: pd.Series) -> pd.Series:
    return x.astype("object").where(x.notna(), MISSING).map(str)


def categorical_drift(ref: pd.Series, cur: pd.Series, t: Thresholds) -> dict[str, Any]:
    r, c = _levels(ref).value_counts(), _levels(cur).value_counts()
    levels = sorted(set(r.index) | set(c.index))
    rc = np.array([r.get(k, 0) for k in levels], dtype="float64")
    cc = np.array([c.get(k, 0) for k in levels], dtype="float64")
    psi = _psi(rc, cc)
    statistic = p = effect = None
    if len(levels) > 1 and rc.sum() and cc.sum():
        table = np.vstack([rc, cc])
        table = table[:, table.sum(axis=0) > 0]
        chi2, p_value, _, _ = stats.chi2_contingency(table, correction=False)
        statistic, p = float(chi2), float(p_value)
        # Cramér's V of a 2 x k table: sqrt(chi2 / n).
        effect = float(np.sqrt(chi2 / table.sum()))
    top = lambda counts: {str(k): round(float(v) / max(counts.sum(), 1), 6) for k, v in counts.head(20).items()}  # noqa: E731
    return _verdict("categorical", "chi2", psi, statistic, effect, p, t) | {"reference": top(r), "current": top(c)}


def _verdict(
    kind: str, test: str, psi: float, statistic: float | None, effect: float | None, p: float | None, t: Thresholds
) -> dict[str, Any]:
    by_psi = psi >= t.psi
    by_test = p is not None and effect is not None and p < t.p_value and effect >= t.min_effect
    return {
        "kind": kind,
        "psi": round(psi, 6),
        "test": test,
        "statistic": None if statistic is None else round(statistic, 6),
        "effect": None if effect is None else round(effect, 6),
        "p_value": p,
        "flagged": bool(by_psi or by_test),
    }


def _numeric_summary(x: np.ndarray) -> dict[str, Any]:
    v = x[~np.isnan(x)]
    if not v.size:
        return {
            "mean": None,
            "std": None,
            "p10": None,
            "p50": None,
            "p90": None,
            "missing_share": 1.0 if x.size else 0.0,
        }
    q = np.quantile(v, [0.1, 0.5, 0.9])
    return {
        "mean": float(v.mean()),
        "std": float(v.std()),
        "p10": float(q[0]),
        "p50": float(q[1]),
        "p90": float(q[2]),
        "missing_share": round(float(1 - v.size / x.size), 6),
    }


def feature_drift(ref: pd.Series, cur: pd.Series, numeric: bool, t: Thresholds) -> dict[str, Any]:
    if numeric:
        return numeric_drift(_as_float(ref), _as_float(cur), t)
    return categorical_drift(ref, cur, t)


def _as_float(s: pd.Series) -> np.ndarray:
    if pd.api.types.is_datetime64_any_dtype(s):
        out = s.astype("int64").astype("float64").to_numpy()
        out[s.isna().to_numpy()] = np.nan
        return out
    return pd.to_numeric(s, errors="coerce").astype("float64").to_numpy()
