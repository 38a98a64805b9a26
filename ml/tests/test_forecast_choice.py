"""How forecast `auto` makes its final forecast (dataml_jobs/training/forecast_choice.py): the best three candidates
by backtest MASE within reach of the best, weighted by its inverse."""

from __future__ import annotations

import pytest

from dataml_jobs.training.forecast_choice import REACH, TOP, combination, ranked


def test_the_best_three_are_combined_with_inverse_mase_weights():
    mase = {"ets": 0.5, "arima": 0.55, "theta": 0.6, "seasonal_naive": 0.61}
    keys, weights = combination(mase, list(mase))
    assert TOP == 3 and keys == ["ets", "arima", "theta"]
    inverse = [2, 1 / 0.55, 1 / 0.6]
    assert weights == pytest.approx([w / sum(inverse) for w in inverse])
    # Whatever order the candidates come in.
    assert combination(mase, list(reversed(mase))) == (keys, weights)


def test_a_pool_restricts_the_candidates_and_ties_break_by_name():
    mase = {"ets": 0.7, "theta": 0.7, "arima+future": 0.1, "arima": 0.9}
    assert ranked(mase) == ["arima+future", "ets", "theta", "arima"]
    keys, weights = combination(mase, ["ets", "theta"])
    assert keys == ["ets", "theta"] and weights == pytest.approx([0.5, 0.5])


def test_a_candidate_far_behind_the_best_is_left_out():
    mase = {"ets": 0.5, "arima": 0.5 * REACH, "theta": 0.5 * REACH + 0.01}
    assert combination(mase, list(mase))[0] == ["ets", "arima"]
    # Only the best within reach: it forecasts alone.
    keys, weights = combination({"ets": 0.5, "theta": 1.0}, ["ets", "theta"])
    assert keys == ["ets"] and weights == [1.0]
    assert combination({}, []) == ([], [])


def test_a_perfect_backtest_does_not_divide_by_zero():
    keys, weights = combination({"a": 0.0, "b": 0.0}, ["a", "b"])
    assert keys == ["a", "b"] and weights == pytest.approx([0.5, 0.5])
