"""How forecast `auto` picks its final forecast among the backtested candidates (single models and combinations).

The forecasting literature (M4's SCUM, Petropoulos & Svetunkov 2020; Hibon & Evgeniou 2005, "to combine or not to
combine") finds combinations of ETS, ARIMA, Theta and CES more robust than one model chosen per series, so the rule
can favour the best combination: it is kept unless the best single candidate's backtest MASE is more than `margin`
below it. On the study set (bench/quality_forecast_study.py, 84 generated series kept apart from the bench's draws;
docs/benchmarks.md) any margin above zero lost against the hindsight-best of AutoETS and AutoARIMA (geometric mean
1.049-1.052 at 5-20 %, 1.039 at 0), as did always taking a fixed or weighted combination (1.055-1.175): with 6
windows the backtests tell a clearly better single model apart, and the combinations still win where they are
best (about a third of the series). So MARGIN is 0: the lowest backtest MASE, a combination winning a tie.
"""

from __future__ import annotations

MARGIN = 0.0


def pick(mase: dict[str, float], combinations: set[str], margin: float = MARGIN) -> str:
    """The chosen key of `mase` (candidate -> backtest MASE): the best combination (a key in `combinations`) unless
    the best single candidate's MASE is below (1 - margin) times the combination's; deterministic (ties by key)."""
    ranked = sorted(mase, key=lambda k: (mase[k], k))
    combos = [k for k in ranked if k in combinations]
    best = ranked[0]
    if not combos or best in combinations:
        return best
    return best if mase[best] < (1 - margin) * mase[combos[0]] else combos[0]
