"""The ensemble step of `auto` alone (ml/dataml_jobs/training/ensemble.py): on the quality bench's datasets, the same
search (`max_trials` trials, so it does not depend on the machine's load) followed by the ensemble step or not, in
the same process; each arm's hold-out metrics as `train_frame` reports them. The ensemble-less arm is `auto` as it
was before the step (the search's winner, calibrated when that helps).

Usage (from ml/; the real tables need the `bench` group): ../.tools/uv/bin/uv run --frozen --group bench python
../bench/quality_ensemble.py [max_trials, default 40]. Prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time

from quality_bench import SEED, datasets, spec_parts

from dataml_jobs.training import ensemble, tabular
from dataml_jobs.training.model import TrainSpec, train_frame


def run(max_trials: int) -> list[dict]:
    choose = ensemble.choose
    rows = []
    for name, raw, target, problem in datasets():
        frame, template, columns = spec_parts(raw, target, problem)
        out: dict = {"dataset": name, "problem": problem}
        for arm, step in (("without", lambda *a, **k: ensemble.Choice(record={"kept": False})), ("with", choose)):
            tabular.ensemble.choose = step
            spec = TrainSpec(problem, "auto", columns, template, seed=SEED, max_trials=max_trials)
            t0 = time.perf_counter()
            trained = train_frame(frame, spec)
            m = trained.metrics
            out[arm] = (
                {"log_loss": m["log_loss"], "error_rate": 1 - m["accuracy"]} if "log_loss" in m else {"rmse": m["rmse"]}
            )
            out[f"{arm}_seconds"] = round(time.perf_counter() - t0, 2)
        out["members"] = trained.metadata["config"]["ensemble"].get("members")
        tabular.ensemble.choose = choose
        rows.append(out)
        print(f"[ensemble] {json.dumps(out)}", file=sys.stderr, flush=True)
    return rows


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 40)))
