"""How forecast `auto` picks its final forecast (dataml_jobs/training/forecast_choice.py)."""

from __future__ import annotations

from dataml_jobs.training.forecast_choice import MARGIN, pick

COMBOS = {"median(ets, arima, theta, ces)", "mean(ets, arima, theta)"}


def test_the_combination_wins_a_tie_with_the_best_single_model():
    mase = {"ets": 0.8, "arima": 0.9, "median(ets, arima, theta, ces)": 0.8, "mean(ets, arima, theta)": 0.85}
    assert pick(mase, COMBOS) == "median(ets, arima, theta, ces)"
    # Whatever order the candidates come in.
    assert pick(dict(reversed(list(mase.items()))), COMBOS) == "median(ets, arima, theta, ces)"


def test_a_clearly_better_single_model_is_chosen():
    mase = {"ets": 0.5, "arima": 0.9, "median(ets, arima, theta, ces)": 0.7, "mean(ets, arima, theta)": 0.75}
    assert pick(mase, COMBOS) == "ets"
    assert pick(mase, COMBOS, margin=0.2) == "ets"  # 0.5 < 0.8 * 0.7


def test_a_margin_keeps_the_combination_unless_the_single_model_beats_it_by_more():
    mase = {"ets": 0.66, "median(ets, arima, theta, ces)": 0.7}
    assert pick(mase, COMBOS, margin=0.1) == "median(ets, arima, theta, ces)"  # 0.66 is not below 0.63
    assert pick(mase, COMBOS, margin=0.0) == "ets"
    assert MARGIN == 0.0  # the margin the study set chose (docs/benchmarks.md)


def test_the_best_combination_is_chosen_when_it_leads_and_singles_alone_pick_the_lowest():
    assert pick({"ets": 0.9, "mean(ets, arima, theta)": 0.6, "median(ets, arima, theta, ces)": 0.7}, COMBOS) == (
        "mean(ets, arima, theta)"
    )
    assert pick({"theta": 0.7, "ets": 0.7, "arima": 0.9}, set()) == "ets"  # a tie between singles: by name
