"""Baselines for `npm run bench -- train` (run by bench/train.ts with the ml venv).

xgb <csv> <target> <rounds>   plain xgboost.train on the same data (read Parquet, one-hot, 80/20 split, train,
                              predict, train again on all rows): prints seconds
auto                          auto vs default LightGBM on the benchmark datasets: prints JSON rows
"""

from __future__ import annotations

import json
import sys
import time

import numpy as np
import pandas as pd


def plain_xgb(path: str, target: str, rounds: int) -> None:
    """The same work the platform's job does, done by hand: read columnar data (the job reads Parquet from
    Iceberg; the CSV is converted before the clock starts), one-hot encode, hold out the same 20 % stratified
    split, train on the rest, predict the held-out rows, then train again on every row (the platform deploys a
    refit on all rows, issue #11, so a baseline without it would do half the fitting)."""
    import xgboost as xgb
    from sklearn.model_selection import train_test_split

    parquet = path + ".parquet"
    pd.read_csv(path).to_parquet(parquet)
    t0 = time.perf_counter()
    df = pd.read_parquet(parquet)
    y = df.pop(target).astype(str).eq("True").astype(int).to_numpy()
    X = pd.get_dummies(df.drop(columns=["cid", "segment", "spend", "const_flag"]), dtype=float)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)
    booster = xgb.train(
        {"objective": "binary:logistic", "max_depth": 6, "eta": 0.1, "tree_method": "hist", "nthread": 1},
        xgb.DMatrix(X_tr, label=y_tr),
        num_boost_round=rounds,
    )
    accuracy = float(((booster.predict(xgb.DMatrix(X_te)) > 0.5).astype(int) == y_te).mean())
    assert booster.num_boosted_rounds() == rounds
    params = {"objective": "binary:logistic", "max_depth": 6, "eta": 0.1, "tree_method": "hist", "nthread": 1}
    refit = xgb.train(params, xgb.DMatrix(X, label=y), num_boost_round=rounds)
    assert refit.num_boosted_rounds() == rounds
    print(json.dumps({"seconds": time.perf_counter() - t0, "rows": len(df), "accuracy": accuracy}))


def datasets():
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
    rng = np.random.default_rng(0)
    n = 3000
    df = pd.DataFrame(
        {"a": rng.normal(size=n), "b": rng.normal(size=n), "c": rng.choice(list("xyz"), n), "d": rng.normal(size=n)}
    )
    df["y"] = 2 * df.a - df.b**2 + np.where(df.c == "x", 1.5, 0) + rng.normal(0, 0.5, n)
    out.append(("synthetic_regression", df, "y", "Regression"))
    df2 = df.drop(columns="y").copy()
    df2["y"] = np.where(df.a + df.d * df.b + rng.normal(0, 0.5, n) > 0, "p", "n")
    out.append(("synthetic_binary", df2, "y", "Classification"))
    return out


def auto_vs_lgbm() -> None:
    from dataml_jobs.training.model import TrainSpec, train_frame

    rows = []
    for name, frame, target, problem in datasets():
        tmpl = [
            {"column_name": c, "data_type": "String" if frame[c].dtype == object else "Float"} for c in frame.columns
        ]
        if problem == "Classification":
            frame = frame.assign(**{target: frame[target].astype(str)})
            tmpl = [dict(t, data_type="String") if t["column_name"] == target else t for t in tmpl]
        cols = [
            {
                "column_name": target,
                "data_type": "String" if problem == "Classification" else "Float",
                "attribute_name": "Target",
            }
        ]
        res = {}
        for algo in ("auto", "lightgbm"):
            t0 = time.perf_counter()
            tr = train_frame(frame, TrainSpec(problem, algo, cols, tmpl, seed=42, time_budget=60))
            res[algo] = (tr.metrics["headline"], tr.algorithm, time.perf_counter() - t0)
        rows.append(
            {
                "dataset": name,
                "problem": problem,
                "metric": "accuracy" if problem == "Classification" else "r2",
                "auto": res["auto"][0],
                "auto_algorithm": res["auto"][1],
                "lightgbm": res["lightgbm"][0],
                "auto_seconds": round(res["auto"][2], 2),
                "lightgbm_seconds": round(res["lightgbm"][2], 2),
            }
        )
    print(json.dumps(rows))


if __name__ == "__main__":
    if sys.argv[1] == "xgb":
        plain_xgb(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        auto_vs_lgbm()
