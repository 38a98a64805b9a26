"""Incremental training: continue a version's XGBoost / LightGBM booster on the rows validated since its snapshot.

The new version keeps the parent's fitted preprocessing (so its features and encodings do not drift) and adds
trees to the parent's booster, trained on the new rows only. Rows "since the parent" are those of the data files
in the current snapshot that the parent's snapshot did not have (each validated file is its own commit). The
new rows are split (stratified for classification) into train / test with the seed; the metrics are the new
version's on that test part, with the parent's on the same rows for comparison.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from pyiceberg.io.pyarrow import ArrowScan

from ..common.runner import JobError
from .model import Trained, TrainSpec, library_versions
from .preprocess import Feature, to_model_frame
from .tabular import baseline_metrics, evaluate, split
from .temperature import inner

DEFAULT_MORE_TREES = 100


def new_rows(table: Any, snapshot_id: int, parent_snapshot_id: int, columns: list[str]) -> pd.DataFrame:
    old = {t.file.file_path for t in table.scan(snapshot_id=parent_snapshot_id).plan_files()}
    scan = table.scan(snapshot_id=snapshot_id, selected_fields=tuple(columns))
    tasks = [t for t in scan.plan_files() if t.file.file_path not in old]
    if not tasks:
        return pd.DataFrame(columns=columns)
    arrow = ArrowScan(table.metadata, table.io, scan.projection(), scan.row_filter, scan.case_sensitive).to_table(tasks)
    return arrow.to_pandas()


def continue_training(art: dict[str, Any], df: pd.DataFrame, spec: TrainSpec) -> Trained:
    """The continued model, as a Trained whose metadata is the parent's, updated (rows, seed, versions, trees)."""
    pipe, meta = art["pipeline"], dict(art["metadata"])
    algorithm = meta["algorithm"]
    if algorithm not in ("xgboost", "lightgbm"):
        raise JobError(f"incremental training continues XGBoost or LightGBM models, not {algorithm}")
    problem = meta["problem_type"]
    features = [Feature(f["column_name"], f["data_type"], f.get("default_value")) for f in meta["features"]]
    target = meta["target"]
    df = df[df[target].notna()]
    if len(df) < 10:
        raise JobError(
            f"only {len(df)} new rows since the previous version; at least 10 are needed to continue training"
        )
    if problem == "Classification":
        labels = meta["class_labels"]
        index = {v: i for i, v in enumerate(labels)}
        unknown = sorted({str(v) for v in df[target].unique() if v not in index})
        if unknown:
            raise JobError(
                f"the new rows have classes the model does not know ({', '.join(unknown[:5])}); "
                "train a new predictor instead"
            )
        y = df[target].map(index).to_numpy(dtype="int64")
        n_classes = len(labels)
    else:
        y = pd.to_numeric(df[target], errors="coerce").to_numpy(dtype="float64")
        n_classes = 0
    X = to_model_frame(df, features)
    X_tr, X_te, y_tr, y_te = split(X, y, problem, spec.seed)
    parent_metrics = evaluate(pipe, problem, X_te, y_te, n_classes)
    # A temperature (temperature.py) stays; the booster inside it gets the trees.
    pre, model = pipe.named_steps["preprocess"], inner(pipe.named_steps["model"])
    Xt = pre.transform(X_tr)
    more = int(spec.params.get("n_estimators", DEFAULT_MORE_TREES))
    before = model.get_params()["n_estimators"]
    model.set_params(n_estimators=more)
    if algorithm == "xgboost":
        model.fit(Xt, y_tr, xgb_model=model.get_booster())
    else:
        model.fit(Xt, y_tr, init_model=model.booster_)
    metrics = evaluate(pipe, problem, X_te, y_te, n_classes)
    metrics["headline"] = float(metrics["accuracy"] if problem == "Classification" else metrics["r2"])
    metrics["headline_metric"] = "accuracy" if problem == "Classification" else "r2"
    metrics["parent"] = {k: v for k, v in parent_metrics.items() if k != "confusion_matrix"}
    rows = {"train": len(X_tr), "test": len(X_te), "new_rows": len(X)}
    meta.update(
        {
            "rows": rows,
            "seed": spec.seed,
            "library_versions": library_versions(),
            "config": {**meta.get("config", {}), "incremental": {"trees_before": before, "trees_added": more}},
        }
    )
    return Trained(
        pipeline=pipe,
        algorithm=algorithm,
        metrics=metrics,
        baseline=baseline_metrics(problem, y_tr, y_te, n_classes),
        leaderboard=[],
        preprocess={"reused_from_parent": True},
        metadata=meta,
        features=features,
        X_sample=X.head(500),
    )
