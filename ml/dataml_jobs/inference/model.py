"""A model artifact loaded for prediction, and the one function every prediction path in Python goes through.

The artifact (ml/dataml_jobs/training/model.py `dump_artifact`) holds the fitted sklearn Pipeline (the
ColumnTransformer that imputes with the template defaults / training medians and encodes, then the model) and
its metadata. Rows are typed with `to_model_frame` exactly as at training time, then the pipeline predicts:
nothing is fitted here. Classification models were fitted on class indices; `class_labels` maps them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..common.runner import JobError
from ..common.settings import Settings
from ..common.storage import get_bytes
from ..training.explain import contributions, output_space
from ..training.model import load_artifact
from ..training.preprocess import Feature, to_model_frame


def label_name(v: Any) -> str:
    """How a class label is named in JSON keys and column names (booleans as true/false, like JSON)."""
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    return str(v)


@dataclass
class LoadedModel:
    pipeline: Any
    metadata: dict[str, Any]
    features: list[Feature]

    @property
    def problem_type(self) -> str:
        return self.metadata["problem_type"]

    @property
    def class_labels(self) -> list[Any]:
        return list(self.metadata.get("class_labels") or [])

    def frame(self, df: pd.DataFrame) -> pd.DataFrame:
        return to_model_frame(df, self.features)


def from_blob(blob: bytes) -> LoadedModel:
    art = load_artifact(blob)
    meta = art["metadata"]
    if meta.get("problem_type") not in ("Classification", "Regression"):
        raise JobError(f"a {meta.get('problem_type')} model is not a tabular model")
    features = [Feature(f["column_name"], f["data_type"], f.get("default_value")) for f in meta["features"]]
    return LoadedModel(pipeline=art["pipeline"], metadata=meta, features=features)


def load_model(settings: Settings, model_key: str) -> LoadedModel:
    return from_blob(get_bytes(settings, model_key))


@dataclass
class Predictions:
    """`labels`: class labels (classification) or values (regression); `proba`: [n, k] or None."""

    labels: np.ndarray
    proba: np.ndarray | None
    explanation: Explanation | None = None


@dataclass
class Explanation:
    """Per-row contributions [rows, features, outputs] and base values [rows, outputs] in the `space` of
    `training.explain.output_space`; `outputs` names the outputs (the positive class of a binary model, every class
    of a multiclass one, "prediction" for regression)."""

    space: str
    calibrated: bool  # the probabilities are a calibration of the raw output explained (training/calibration.py)
    outputs: list[str]
    features: list[str]
    contrib: np.ndarray
    base: np.ndarray


def explain(model: LoadedModel, X: pd.DataFrame) -> Explanation:
    """`X`: the typed frame (`LoadedModel.frame`)."""
    pipe_model = model.pipeline.named_steps["model"]
    clf = model.problem_type == "Classification"
    k = len(model.class_labels)
    contrib, base, names = contributions(model.pipeline, X, k)
    labels = [label_name(c) for c in model.class_labels]
    outputs = (labels if k > 2 else labels[-1:]) if clf else ["prediction"]
    calibrated = hasattr(pipe_model, "calibrated_classifiers_")
    return Explanation(output_space(pipe_model, clf, k), calibrated, outputs, names, contrib, base)


def predict(model: LoadedModel, df: pd.DataFrame, with_explanation: bool = False) -> Predictions:
    X = model.frame(df)
    why = explain(model, X) if with_explanation else None
    if model.problem_type == "Classification":
        proba = np.asarray(model.pipeline.predict_proba(X), dtype="float64")
        # Every classifier we train predicts the class of highest probability; one pass instead of two.
        idx = proba.argmax(axis=1)
        labels = np.asarray(model.class_labels, dtype=object)[idx]
        return Predictions(labels=labels, proba=proba, explanation=why)
    values = np.asarray(model.pipeline.predict(X), dtype="float64").reshape(-1)
    return Predictions(labels=values, proba=None, explanation=why)


def to_json_rows(model: LoadedModel, p: Predictions) -> list[dict[str, Any]]:
    """One JSON object per row: {prediction, probabilities?} (the shape 9.1 answers)."""
    out = []
    names = [label_name(c) for c in model.class_labels]
    for i, v in enumerate(p.labels.tolist()):
        row: dict[str, Any] = {"prediction": v.item() if isinstance(v, np.generic) else v}
        if p.proba is not None:
            row["probabilities"] = {n: float(x) for n, x in zip(names, p.proba[i], strict=False)}
        if p.explanation is not None:
            row["explanation"] = _explanation_json(p.explanation, i)
        out.append(row)
    return out


def _explanation_json(e: Explanation, i: int) -> dict[str, Any]:
    """Row `i`'s explanation: per output, its base value, the contribution of each feature, and their sum (the raw
    output the model computes, in `output`'s space)."""
    per: dict[str, Any] = {}
    for j, name in enumerate(e.outputs):
        c = e.contrib[i, :, j]
        per[name] = {
            "base_value": float(e.base[i, j]),
            "contributions": {f: float(v) for f, v in zip(e.features, c, strict=True)},
            "raw_output": float(e.base[i, j] + c.sum()),
        }
    return {"output": e.space, "calibrated": e.calibrated, "outputs": per}
