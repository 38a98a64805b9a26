"""An ONNX copy of a fitted pipeline, so inference can run in-process (onnxruntime) without Python.

Best effort: the pickled pipeline stays the artifact of record. When a part of the pipeline has no converter
(calendar features of dates, for instance) the export returns None and the reason, which the model records.
The export is checked: ONNX and sklearn must agree on a sample of the training rows.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV

from .additive import AdditiveModel
from .additive_onnx import register_onnx as register_additive
from .calibration_onnx import register_onnx as register_calibrated
from .log_target import is_log_target
from .log_target import register_onnx as register_log_target
from .preprocess import Feature, Float32Imputer, Float32Scaler, FrequentOneHot
from .temperature import TemperatureScaled, register_onnx

_registered: set[str] = set()
_lock = threading.Lock()


def _library(model: Any) -> str | None:
    """The boosting library whose onnxmltools converter the model needs (sklearn models need none); our own LightGBM
    classes (`lgbm.py`) are LightGBM's."""
    modules = {c.__module__.split(".")[0] for c in type(model).__mro__}
    return next((m for m in ("xgboost", "lightgbm") if m in modules), None)


def _members(model: Any) -> list[Any]:
    """The models an ensemble (`ensemble.py`) votes with, else the model itself (inside its temperature or its
    calibration: the calibrated model's converter looks up its base model's, which must be registered too)."""
    if isinstance(model, (TemperatureScaled, CalibratedClassifierCV)):
        return _members(model.estimator)
    members = getattr(model, "estimators", None)
    return [m for _, m in members] if isinstance(members, list) else [model]


def _converted(model: Any) -> list[Any]:
    """The members whose converters the graph needs: a log-target member's (`log_target.py`) is its regressor's."""
    return [m.regressor if is_log_target(m) else m for m in _members(model)]


def prepare(model: Any) -> None:
    """Imports skl2onnx, onnxruntime and the converters of this model's libraries (each member's, for an ensemble), and
    registers them: a second or more of imports, which the train job runs in a thread while the model fits. Only the
    libraries the model uses are imported (no LightGBM on an XGBoost run)."""
    import onnxruntime  # noqa: F401 - imported here to take its cost off the export

    for library in sorted({lib for m in _converted(model) if (lib := _library(m)) is not None}):
        _register(library)
    with _lock:
        if "preprocessing" not in _registered:
            _register_preprocessing()
            _registered.add("preprocessing")
    if isinstance(model, TemperatureScaled):
        with _lock:
            if "temperature" not in _registered:
                register_onnx()
                _registered.add("temperature")
    if any(isinstance(m, AdditiveModel) for m in _converted(model)):
        with _lock:
            if "additive" not in _registered:
                register_additive()
                _registered.add("additive")
    if any(is_log_target(m) for m in _members(model)):
        with _lock:
            if "log_target" not in _registered:
                register_log_target()
                _registered.add("log_target")
    if isinstance(model, CalibratedClassifierCV):
        # Ours replaces skl2onnx's, which refuses extra trees and rounds isotonic calibration (calibration_onnx.py).
        with _lock:
            if "calibration" not in _registered:
                register_calibrated()
                _registered.add("calibration")


def _register_preprocessing() -> None:
    """`FrequentOneHot` is a OneHotEncoder with explicit categories once fitted, `Float32Scaler` a StandardScaler that
    computes as the ONNX Scaler does, `Float32Imputer` a SimpleImputer rounding as the ONNX Imputer's float32 output
    does: skl2onnx's own converters."""
    from skl2onnx import update_registered_converter
    from skl2onnx.operator_converters.imputer_op import convert_sklearn_imputer
    from skl2onnx.operator_converters.one_hot_encoder import convert_sklearn_one_hot_encoder
    from skl2onnx.operator_converters.scaler_op import convert_sklearn_scaler
    from skl2onnx.shape_calculators.imputer import calculate_sklearn_imputer_output_shapes
    from skl2onnx.shape_calculators.one_hot_encoder import calculate_sklearn_one_hot_encoder_output_shapes
    from skl2onnx.shape_calculators.scaler import calculate_sklearn_scaler_output_shapes

    update_registered_converter(
        Float32Imputer, "DatamlFloat32Imputer", calculate_sklearn_imputer_output_shapes, convert_sklearn_imputer
    )

    update_registered_converter(
        FrequentOneHot,
        "DatamlFrequentOneHot",
        calculate_sklearn_one_hot_encoder_output_shapes,
        convert_sklearn_one_hot_encoder,
    )
    update_registered_converter(
        Float32Scaler,
        "DatamlFloat32Scaler",
        calculate_sklearn_scaler_output_shapes,
        convert_sklearn_scaler,
        options={"div": ["std", "div", "div_cast"]},  # StandardScaler's; the default ("std") is the Scaler op
    )


def _register(library: str) -> None:
    from skl2onnx import update_registered_converter
    from skl2onnx.common.shape_calculator import (
        calculate_linear_classifier_output_shapes,
        calculate_linear_regressor_output_shapes,
    )

    with _lock:
        if library in _registered:
            return
        opts = {"nocl": [True, False], "zipmap": [True, False, "columns"]}
        if library == "xgboost":
            import xgboost as xgb
            from onnxmltools.convert.xgboost.operator_converters.XGBoost import (
                convert_xgboost,
            )

            update_registered_converter(
                xgb.XGBClassifier,
                "XGBoostXGBClassifier",
                calculate_linear_classifier_output_shapes,
                convert_xgboost,
                options=opts,
            )
            update_registered_converter(
                xgb.XGBRegressor, "XGBoostXGBRegressor", calculate_linear_regressor_output_shapes, convert_xgboost
            )
        else:
            import lightgbm as lgb
            from onnxmltools.convert.lightgbm.operator_converters.LightGbm import (
                convert_lightgbm,
            )

            from . import lgbm

            # LightGBM's classes (models trained before `lgbm.py`) and ours.
            for classifier, regressor, alias in (
                (lgb.LGBMClassifier, lgb.LGBMRegressor, "LightGbm"),
                (lgbm.LGBMClassifier, lgbm.LGBMRegressor, "DatamlLightGbm"),
            ):
                update_registered_converter(
                    classifier,
                    f"{alias}LGBMClassifier",
                    calculate_linear_classifier_output_shapes,
                    _with_raw_scores(convert_lightgbm),
                    options={**opts, "raw_scores": [True, False]},
                )
                update_registered_converter(
                    regressor, f"{alias}LGBMRegressor", calculate_linear_regressor_output_shapes, convert_lightgbm
                )
        _registered.add(library)


def _with_raw_scores(convert: Any) -> Any:
    """onnxmltools' LightGBM classifier converter, answering skl2onnx's calibration converter the raw scores it asks
    for: sklearn calibrates a LightGBM classifier's decision function (the raw margin), and the converter only gives
    probabilities (a calibrated LightGBM was 0.49 apart). Its graph is one tree ensemble whose post-transform
    (logistic, softmax) makes the probabilities; without it the ensemble answers the margins ([-m, m] for two
    classes, column 1 the margin, as the calibration converter reads it)."""

    def converter(scope: Any, operator: Any, container: Any) -> None:
        raw = container.get_options(operator.raw_operator, dict(raw_scores=False))["raw_scores"]
        first = len(container.nodes)
        convert(scope, operator, container)
        if not raw:
            return
        trees = [n for n in container.nodes[first:] if n.op_type == "TreeEnsembleClassifier"]
        if len(trees) != 1:
            raise RuntimeError(f"expected one tree ensemble in the LightGBM graph, found {len(trees)}")
        for attribute in trees[0].attribute:
            if attribute.name == "post_transform":
                attribute.s = b"NONE"

    return converter


def onnx_inputs(X: pd.DataFrame, features: list[Feature]) -> dict[str, np.ndarray]:
    """The ONNX model's inputs: one [n, 1] tensor per feature (float32 numbers, strings)."""
    out = {}
    for f in features:
        col = X[f.name]
        if f.kind == "numeric":
            out[f.name] = col.to_numpy(dtype="float32").reshape(-1, 1)
        else:
            out[f.name] = np.array([("" if v is None else str(v)) for v in col], dtype=object).reshape(-1, 1)
    return out


def export_onnx(
    pipe: Any, features: list[Feature], problem: str, X_sample: pd.DataFrame
) -> tuple[bytes | None, dict[str, Any]]:
    dates = [f.name for f in features if f.kind == "date"]
    if dates:
        return None, {"reason": f"date features ({', '.join(dates)}) have no ONNX converter"}
    try:
        prepare(pipe.named_steps["model"])
        from skl2onnx import to_onnx
        from skl2onnx.common.data_types import FloatTensorType, StringTensorType

        initial = [
            (f.name, FloatTensorType([None, 1]) if f.kind == "numeric" else StringTensorType([None, 1]))
            for f in features
        ]
        options = {id(pipe.named_steps["model"]): {"zipmap": False}} if problem == "Classification" else None
        model = to_onnx(pipe, initial_types=initial, options=options, target_opset={"": 17, "ai.onnx.ml": 3})
        _name_inputs(model, [f.name for f in features])
        blob = model.SerializeToString()
    except Exception as exc:  # noqa: BLE001 - any converter gap is recorded, not fatal
        return None, {"reason": f"{type(exc).__name__}: {exc}"[:500]}
    try:
        check = _check(blob, pipe, features, problem, X_sample)
    except Exception as exc:  # noqa: BLE001 - onnxruntime refusing the graph is a converter gap too
        return None, {"reason": f"onnxruntime: {type(exc).__name__}: {exc}"[:500]}
    if check.get("reason"):
        return None, check
    return blob, check


def _name_inputs(model: Any, names: list[str]) -> None:
    """Gives the graph's inputs the columns' own names. skl2onnx turns a name into an identifier ("mean radius" ->
    "mean_radius"), but whoever runs the graph (the API, a user with the exported model) feeds it by column name.
    The inputs are declared in `initial_types` order, one per feature."""
    graph = model.graph
    inputs = list(graph.input)
    if len(inputs) != len(names):
        raise ValueError(f"the graph has {len(inputs)} inputs for {len(names)} features")
    renames = {i.name: n for i, n in zip(inputs, names, strict=True) if i.name != n}
    if not renames:
        return
    taken = {o for node in graph.node for o in node.output} | {t.name for t in graph.initializer}
    clash = sorted(set(renames.values()) & taken)
    if clash:
        raise ValueError(f"column names clash with names inside the graph: {', '.join(clash)[:200]}")
    for i in inputs:
        i.name = renames.get(i.name, i.name)
    for node in graph.node:
        for k, name in enumerate(node.input):
            if name in renames:
                node.input[k] = renames[name]
        # Subgraphs (If/Loop/Scan) could read an input too; skl2onnx's tabular converters emit none, so refuse them.
        if any(a.g.node or a.graphs for a in node.attribute):
            raise ValueError(f"node {node.name} ({node.op_type}) holds a subgraph")


def _check(blob: bytes, pipe: Any, features: list[Feature], problem: str, X: pd.DataFrame) -> dict[str, Any]:
    import onnxruntime as ort

    rows = X.head(200)
    sess = ort.InferenceSession(blob, providers=["CPUExecutionProvider"])
    outs = sess.run(None, onnx_inputs(rows, features))
    if problem == "Classification":
        got = np.asarray(outs[1], dtype="float64")
        want = np.asarray(pipe.predict_proba(rows), dtype="float64")
    else:
        got = np.asarray(outs[0], dtype="float64").reshape(-1)
        want = np.asarray(pipe.predict(rows), dtype="float64").reshape(-1)
    diff = float(np.max(np.abs(got - want))) if len(want) else 0.0
    scale = float(np.max(np.abs(want))) if len(want) else 1.0
    tol = 1e-3 * max(1.0, scale)
    if not np.isfinite(diff) or diff > tol:
        return {"reason": f"ONNX output differs from the pipeline by {diff:.3g} (> {tol:.3g})"}
    return {"max_abs_diff": diff, "checked_rows": len(rows), "opset": 17}
