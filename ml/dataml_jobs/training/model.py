"""From a dataset frame and a training spec to one fitted model: roles, features, target, training,
metrics, the preprocess record and the artifact (the pipeline plus everything needed to use it again)."""

from __future__ import annotations

import io
import platform
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import joblib
import numpy as np
import pandas as pd

from ..common.runner import JobError
from .preprocess import Feature, describe_preprocess, to_model_frame
from .spans import span
from .tabular import DEFAULT_TIME_BUDGET, train_tabular

ARTIFACT_FORMAT = "dataml-model/1"
ROLE_EXCLUDED = {"Id", "Target", "Time", "Ignore"}
MAX_CLASSES = 200


@dataclass
class TrainSpec:
    problem_type: str
    algorithm: str
    columns: list[dict[str, Any]]
    template: list[dict[str, Any]]
    seed: int = 42
    time_budget: float = DEFAULT_TIME_BUDGET
    params: dict[str, Any] = field(default_factory=dict)
    # `auto` only: a search of exactly this many trials (reproducible) instead of one bounded by time alone.
    max_trials: int | None = None
    forecast: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_job(cls, job: dict[str, Any]) -> TrainSpec:
        return cls(
            problem_type=job["problemType"],
            algorithm=job.get("algorithm") or "auto",
            columns=job["columns"],
            template=job["template"],
            seed=int(job.get("seed", 42)),
            time_budget=float(job.get("timeBudgetSeconds", DEFAULT_TIME_BUDGET)),
            params=dict(job.get("params") or {}),
            max_trials=int(job["maxTrials"]) if job.get("maxTrials") else None,
            forecast=dict(job.get("forecast") or {}),
        )

    def role(self, name: str) -> list[str]:
        return [c["column_name"] for c in self.columns if c["attribute_name"] == name]

    @property
    def target(self) -> str:
        t = self.role("Target")
        if len(t) != 1:
            raise JobError("exactly one column must have the Target role")
        return t[0]

    def features(self) -> list[Feature]:
        excluded = {c["column_name"] for c in self.columns if c["attribute_name"] in ROLE_EXCLUDED}
        return [
            Feature(c["column_name"], c["data_type"], _default(c))
            for c in self.template
            if c["column_name"] not in excluded
        ]

    def data_type(self, column: str) -> str:
        for c in self.template:
            if c["column_name"] == column:
                return c["data_type"]
        raise JobError(f"column {column!r} is not in the dataset's template")


def _default(c: dict[str, Any]) -> str | None:
    v = c.get("default_value")
    return None if v in (None, "") else str(v)


def library_versions(extra: tuple[str, ...] = ()) -> dict[str, str]:
    import importlib.metadata as md

    names = ("scikit-learn", "xgboost", "lightgbm", "numpy", "pandas", "joblib", "pyarrow", "dataml-jobs") + extra
    out = {"python": platform.python_version()}
    for n in names:
        try:
            out[n] = md.version(n)
        except md.PackageNotFoundError:
            pass
    return out


@dataclass
class Trained:
    pipeline: Any
    algorithm: str
    metrics: dict[str, Any]
    baseline: dict[str, Any]
    leaderboard: list[dict[str, Any]]
    preprocess: dict[str, Any]
    metadata: dict[str, Any]
    X_sample: pd.DataFrame
    features: list[Feature]


def prepare_target(df: pd.DataFrame, spec: TrainSpec) -> tuple[pd.DataFrame, np.ndarray, list[Any], int]:
    target = spec.target
    if target not in df.columns:
        raise JobError(f"target column {target!r} is not in the dataset")
    before = len(df)
    df = df[df[target].notna()]
    if spec.problem_type == "Regression":  # a value that is no finite number (an infinity) cannot be learnt either
        df = df[np.isfinite(pd.to_numeric(df[target], errors="coerce").astype("float64"))]
    dropped = before - len(df)
    if len(df) < 10:
        raise JobError(
            f"only {len(df)} rows have a value in the target column {target!r} "
            f"({dropped} are empty or no finite number); at least 10 are needed"
        )
    if spec.problem_type == "Classification":
        values = df[target]
        labels = sorted(values.unique().tolist(), key=lambda v: (str(type(v)), v))
        if len(labels) < 2:
            raise JobError(
                f"the target column {target!r} has a single value ({labels[0]!r}); "
                "classification needs at least two classes"
            )
        if len(labels) > MAX_CLASSES:
            raise JobError(
                f"the target column {target!r} has {len(labels)} distinct values; is this a Regression problem?"
            )
        if values.value_counts().max() < 2:
            raise JobError(
                f"every value of the target column {target!r} is on a single row, so no class can be learnt and "
                "scored; is it an identifier, or a Regression problem?"
            )
        index = {v: i for i, v in enumerate(labels)}
        y = values.map(index).to_numpy(dtype="int64")
        return df, y, [_plain(v) for v in labels], len(labels)
    y = pd.to_numeric(df[target], errors="coerce").to_numpy(dtype="float64")
    return df, y, [], 0


def _plain(v: Any) -> Any:
    if isinstance(v, np.generic):
        return v.item()
    return v


def train_frame(df: pd.DataFrame, spec: TrainSpec, before_fit: Callable[[Any], None] | None = None) -> Trained:
    """Trains a Classification or Regression model on a frame of the dataset's rows.

    `before_fit`: see train_tabular."""
    if spec.problem_type not in ("Classification", "Regression"):
        raise JobError(f"problem type {spec.problem_type!r} is not tabular")
    features = spec.features()
    if not features:
        raise JobError("no feature columns: every column has the Id, Target or Ignore role")
    with span("preprocess"):
        df, y, labels, n_classes = prepare_target(df, spec)
        X = to_model_frame(df, features)
    out = train_tabular(
        X,
        y,
        problem=spec.problem_type,
        algorithm=spec.algorithm,
        features=features,
        n_classes=n_classes,
        seed=spec.seed,
        time_budget=spec.time_budget,
        params=spec.params or None,
        max_trials=spec.max_trials,
        before_fit=before_fit,
    )
    with span("describe"):
        preprocess = describe_preprocess(out.pipeline.named_steps["preprocess"], features)
        versions = library_versions()
    preprocess.update({"target": spec.target, "id_columns": spec.role("Id"), "ignored_columns": spec.role("Ignore")})
    metadata = {
        "format": ARTIFACT_FORMAT,
        "problem_type": spec.problem_type,
        "algorithm": out.algorithm,
        "requested_algorithm": spec.algorithm,
        "model_class": out.config["model_class"],
        "target": spec.target,
        "target_data_type": spec.data_type(spec.target),
        "class_labels": labels,
        "features": [
            {"column_name": f.name, "data_type": f.data_type, "kind": f.kind, "default_value": f.default}
            for f in features
        ],
        "seed": spec.seed,
        "config": out.config,
        "rows": out.rows,
        "library_versions": versions,
    }
    return Trained(
        pipeline=out.pipeline,
        algorithm=out.algorithm,
        metrics=out.metrics,
        baseline=out.baseline,
        leaderboard=out.leaderboard,
        preprocess=preprocess,
        metadata=metadata,
        X_sample=X.head(500),
        features=features,
    )


def dump_artifact(pipeline: Any, metadata: dict[str, Any]) -> bytes:
    buf = io.BytesIO()
    joblib.dump({"format": ARTIFACT_FORMAT, "pipeline": pipeline, "metadata": metadata}, buf, compress=3)
    return buf.getvalue()


def load_artifact(blob: bytes) -> dict[str, Any]:
    art = joblib.load(io.BytesIO(blob))
    if not isinstance(art, dict) or art.get("format") != ARTIFACT_FORMAT:
        raise JobError("not a dataml model artifact")
    return art
