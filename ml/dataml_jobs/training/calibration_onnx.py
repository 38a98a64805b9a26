"""skl2onnx converter for sklearn's CalibratedClassifierCV (`calibration.py`), the same function as sklearn's.

skl2onnx's own converter asks every base model but random forests for raw scores, which its extra-trees converter
refuses (sklearn calibrates a forest's predict_proba: forests have no decision function), and reads an isotonic
calibrator as the value of the nearest threshold where sklearn interpolates between the two around it (0.01-0.045
apart). This one mirrors `_CalibratedClassifier.predict_proba`, per fold model:

- the response sklearn calibrates: the decision function when the model has one (the `raw_scores` its converter
  answers), else predict_proba; for two classes only the positive class's column;
- each class column through its calibrator: Platt's sigmoid 1 / (1 + exp(a f + b)), or the isotonic fit's linear
  interpolation between its thresholds, `f` clipped to their ends (scipy's interp1d: the interval is found by
  searchsorted, the value is y_lo + slope (f - x_lo));
- two classes: [1 - p, p]; more: the columns divided by their sum, uniform where all are 0;

then the mean over the fold models and the label of the largest probability. The calibration runs in float64 on
the base models' float32 responses, so the only difference left is theirs, which an isotonic calibrator's steep
steps magnify (about 1e-5 in a probability on the tests' tables, up to 9e-4 for LightGBM on larger ones; 1e-7 with
a sigmoid).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .onnx_classifier import add_outputs

# onnx.TensorProto's element types, without importing onnx where this module is imported (export imports it late).
FLOAT, INT64, DOUBLE = 1, 7, 11


def _response(est: Any, x: Any, container: Any, opv: int) -> Any:
    """The fold model's output sklearn calibrates ([rows, columns], float32), by the model's own converter.
    `_get_response_values` takes the first of decision_function and predict_proba the model has."""
    from skl2onnx.algebra.onnx_operator import OnnxSubEstimator

    options: dict[str, Any] = {"zipmap": False}
    if hasattr(est, "decision_function"):
        # A converter without the option would answer probabilities, which the calibrators were not fitted on.
        if not container.has_options(est, "raw_scores"):
            raise NotImplementedError(f"the converter of {type(est).__name__} gives no decision function")
        options["raw_scores"] = True
    return OnnxSubEstimator(est, x, op_version=opv, options=options)[1]


def _sigmoid(calibrator: Any, f: Any, opv: int) -> Any:
    """`_SigmoidCalibration.predict`: expit(-(a f + b))."""
    from skl2onnx.algebra.onnx_ops import OnnxAdd, OnnxMul, OnnxNeg, OnnxSigmoid

    a, b = (np.array([v], dtype=np.float64) for v in (calibrator.a_, calibrator.b_))
    z = OnnxAdd(OnnxMul(f, a, op_version=opv), b, op_version=opv)
    return OnnxSigmoid(OnnxNeg(z, op_version=opv), op_version=opv)


def _isotonic(calibrator: Any, f: Any, opv: int) -> Any:
    """`IsotonicRegression.predict` with out_of_bounds="clip": clip to the thresholds' ends, then interpolate in
    the interval below, lo = the number of thresholds after the first that are < f (searchsorted, within the ends)."""
    from skl2onnx.algebra.onnx_ops import (
        OnnxAdd,
        OnnxCast,
        OnnxClip,
        OnnxGather,
        OnnxLess,
        OnnxMul,
        OnnxReduceSum,
        OnnxSub,
    )

    if calibrator.out_of_bounds != "clip":
        raise NotImplementedError(f"isotonic out_of_bounds={calibrator.out_of_bounds!r}")
    xs = np.asarray(calibrator.X_thresholds_, dtype=np.float64)
    ys = np.asarray(calibrator.y_thresholds_, dtype=np.float64)
    if len(xs) == 1:  # a constant (sklearn's f_ repeats y): one flat interval gives it
        xs, ys = np.append(xs, xs[0] + 1.0), np.append(ys, ys[0])
    slopes = np.diff(ys) / np.diff(xs)
    lo, hi = np.array(calibrator.X_min_, np.float64), np.array(calibrator.X_max_, np.float64)
    clipped = OnnxClip(f, lo, hi, op_version=opv)
    below = OnnxCast(OnnxLess(xs[1:], clipped, op_version=opv), to=INT64, op_version=opv)  # [rows, thresholds - 1]
    index = OnnxReduceSum(below, np.array([1], dtype=np.int64), keepdims=1, op_version=opv)  # [rows, 1]
    x_lo, y_lo, slope = (OnnxGather(t, index, op_version=opv) for t in (xs[:-1], ys[:-1], slopes))
    return OnnxAdd(y_lo, OnnxMul(slope, OnnxSub(clipped, x_lo, op_version=opv), op_version=opv), op_version=opv)


def _fold(calibrated: Any, classes: np.ndarray, x: Any, container: Any, opv: int) -> Any:
    """One `_CalibratedClassifier.predict_proba` ([rows, classes], float64). sklearn then sets values in
    (1, 1 + 1e-5] to 1: float64 rounding (sigmoids, interpolations and shares of a sum are at most 1), which float32
    does not see."""
    from skl2onnx.algebra.onnx_ops import (
        OnnxCast,
        OnnxConcat,
        OnnxDiv,
        OnnxEqual,
        OnnxGather,
        OnnxReduceSum,
        OnnxSub,
        OnnxWhere,
    )

    if calibrated.method not in ("sigmoid", "isotonic"):
        raise NotImplementedError(f"calibration method {calibrated.method!r}")
    est, n = calibrated.estimator, len(classes)
    # A fold that missed a class has a model of fewer classes, which sklearn maps back; the stratified folds of
    # `calibration.py` never miss one, so that case is refused rather than written blind.
    if not np.array_equal(est.classes_, classes):
        raise NotImplementedError("a fold model without all the classes")
    response = OnnxCast(_response(est, x, container, opv), to=DOUBLE, op_version=opv)
    calibrate = _sigmoid if calibrated.method == "sigmoid" else _isotonic

    def column(j: int) -> Any:
        return OnnxGather(response, np.array([j], dtype=np.int64), axis=1, op_version=opv)  # [rows, 1]

    if n == 2:  # one calibrator, of the positive class's column (decision function or probability)
        p = calibrate(calibrated.calibrators[0], column(1), opv)
        return OnnxConcat(OnnxSub(np.ones(1), p, op_version=opv), p, axis=1, op_version=opv)
    proba = OnnxConcat(
        *[calibrate(c, column(j), opv) for j, c in enumerate(calibrated.calibrators)], axis=1, op_version=opv
    )
    total = OnnxReduceSum(proba, np.array([1], dtype=np.int64), keepdims=1, op_version=opv)
    empty = OnnxEqual(total, np.zeros(1), op_version=opv)
    safe = OnnxWhere(empty, np.ones(1), total, op_version=opv)  # no 0/0 in the branch Where drops
    return OnnxWhere(empty, np.full(1, 1.0 / n), OnnxDiv(proba, safe, op_version=opv), op_version=opv)


def _convert(scope: Any, operator: Any, container: Any) -> None:
    from skl2onnx.algebra.onnx_ops import (
        OnnxCast,
        OnnxDiv,
        OnnxSum,
    )

    op, opv = operator.raw_operator, container.target_opset
    if scope.get_options(op, dict(nocl=False))["nocl"]:
        raise NotImplementedError("option 'nocl' for a calibrated classifier")
    folds = [_fold(c, op.classes_, operator.inputs[0], container, opv) for c in op.calibrated_classifiers_]
    mean = OnnxDiv(OnnxSum(*folds, op_version=opv), np.array([len(folds)], np.float64), op_version=opv)
    proba = OnnxCast(mean, to=FLOAT, op_version=opv, output_names=[operator.outputs[1].full_name])
    add_outputs(proba, op.classes_, scope, operator, container)


def register_onnx() -> None:
    from skl2onnx import update_registered_converter
    from skl2onnx.common.shape_calculator import calculate_linear_classifier_output_shapes
    from sklearn.calibration import CalibratedClassifierCV

    update_registered_converter(
        CalibratedClassifierCV,
        "DatamlCalibratedClassifierCV",
        calculate_linear_classifier_output_shapes,
        _convert,
        options={"nocl": [True, False], "zipmap": [True, False, "columns"]},
    )
