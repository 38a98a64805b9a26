"""skl2onnx converters for the additive model (`additive.py`), so its models serve in-process like the other families.

ONNX has no B-spline operator, so each feature's curve is rewritten as what a cubic spline is: one cubic polynomial
per knot interval, in the offset from the interval's start,

    f(x) = c0 + c1 s + c2 s^2 + c3 s^3,   s = x - a,  a <= x < b,

inside the outer knots, and beyond them the straight line the spline continues with (its slope at the outer knot).
That is the same function, not an approximation: each interval's four coefficients are solved from the spline's own
values there (a cubic through more than four of its points), and the local offsets keep float32 exact to its own
precision. All features at once: clip X to the knots, pick each interval's column with a 0/1 MatMul, mask the rows
inside it, a few element-wise powers and MatMuls, then the link (none, sigmoid or softmax).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .additive import AdditiveClassifier, AdditiveModel, AdditiveRegressor
from .onnx_classifier import add_outputs

POINTS_PER_INTERVAL = 8


def _curve(spline: Any, coef: np.ndarray) -> dict[str, Any]:
    """One column's curve (`coef`: [outputs, its basis columns]): its intervals' starts and ends, their polynomial
    coefficients [intervals, 4, outputs], and its slopes beyond the outer knots."""
    knots = np.asarray(spline.bsplines_[0].t, dtype="float64")[spline.degree : -spline.degree]
    polys = []
    for a, b in zip(knots[:-1], knots[1:], strict=True):
        offsets = np.linspace(0.0, b - a, POINTS_PER_INTERVAL)
        values = spline.transform((a + offsets).reshape(-1, 1)) @ coef.T  # [points, outputs]
        vander = np.vander(offsets, 4, increasing=True)
        polys.append(np.linalg.lstsq(vander, values, rcond=None)[0])
    lo, hi = float(knots[0]), float(knots[-1])
    edges = spline.transform(np.array([[lo - 1.0], [lo], [hi], [hi + 1.0]])) @ coef.T
    return {
        "lo": lo,
        "hi": hi,
        "starts": knots[:-1],
        "ends": np.append(knots[1:-1], np.inf),  # the last interval keeps the outer knot itself
        "polys": np.array(polys),
        "slope_lo": edges[1] - edges[0],
        "slope_hi": edges[3] - edges[2],
    }


def _tables(model: AdditiveModel) -> dict[str, np.ndarray]:
    """The constant tensors of the graph: per input column its clip bounds and slopes beyond them (zero for a column
    without a spline, whose coefficient is in `w`), per interval of every spline its column (`select`), bounds and
    polynomial coefficients."""
    coef = np.atleast_2d(np.asarray(model.linear_.coef_, dtype="float64"))
    n_out, p = coef.shape[0], model.n_features_in_
    owner = model.basis_.owner_
    lo, hi = np.full(p, -np.inf), np.full(p, np.inf)
    slope_lo, slope_hi, w = np.zeros((p, n_out)), np.zeros((p, n_out)), np.zeros((p, n_out))
    select, starts, ends, polys = [], [], [], []
    for j, spline in enumerate(model.basis_.splines):
        cols = np.flatnonzero(owner == j)
        if spline is None:
            w[j] = coef[:, cols[0]]
            continue
        c = _curve(spline, coef[:, cols])
        lo[j], hi[j] = c["lo"], c["hi"]
        slope_lo[j], slope_hi[j] = c["slope_lo"], c["slope_hi"]
        for a, b, poly in zip(c["starts"], c["ends"], c["polys"], strict=True):
            column = np.zeros(p)
            column[j] = 1.0
            select.append(column)
            starts.append(a)
            ends.append(b)
            polys.append(poly)
    # A column without a spline is not clipped: its bounds are the widest float32 values.
    big = np.finfo(np.float32).max
    t = {
        "lo": np.where(np.isfinite(lo), lo, -big),
        "hi": np.where(np.isfinite(hi), hi, big),
        "slope_lo": slope_lo,
        "slope_hi": slope_hi,
        "w": w,
        "const": np.atleast_1d(np.asarray(model.linear_.intercept_, dtype="float64")),
        "select": np.array(select).T if select else np.zeros((p, 0)),
        "starts": np.array(starts),
        "ends": np.where(np.isfinite(ends), ends, big) if ends else np.zeros(0),
    }
    stacked = np.array(polys) if polys else np.zeros((0, 4, n_out))  # [intervals, 4, outputs]
    for k in range(4):
        t[f"c{k}"] = stacked[:, k, :]
    return {k: np.asarray(v, dtype=np.float32) for k, v in t.items()}


def _raw(op: AdditiveModel, x: Any, opv: int) -> Any:
    """The graph of the model's raw output [rows, outputs] (value, log-odds or softmax scores) from input `x`."""
    from skl2onnx.algebra.onnx_ops import (
        OnnxAdd,
        OnnxAnd,
        OnnxCast,
        OnnxGreaterOrEqual,
        OnnxLess,
        OnnxMatMul,
        OnnxMax,
        OnnxMin,
        OnnxMul,
        OnnxSub,
    )

    t = _tables(op)
    zero = np.zeros(1, np.float32)
    clipped = OnnxMin(OnnxMax(x, t["lo"], op_version=opv), t["hi"], op_version=opv)
    below = OnnxMin(OnnxSub(x, t["lo"], op_version=opv), zero, op_version=opv)
    above = OnnxMax(OnnxSub(x, t["hi"], op_version=opv), zero, op_version=opv)
    # A column without a spline: its bounds never clip it and its slopes are zero, so it enters through `w` only.
    out = OnnxAdd(OnnxMatMul(x, t["w"], op_version=opv), t["const"], op_version=opv)
    out = OnnxAdd(out, OnnxMatMul(below, t["slope_lo"], op_version=opv), op_version=opv)
    out = OnnxAdd(out, OnnxMatMul(above, t["slope_hi"], op_version=opv), op_version=opv)
    if t["starts"].size:
        picked = OnnxMatMul(clipped, t["select"], op_version=opv)  # [rows, intervals]
        inside = OnnxAnd(
            OnnxGreaterOrEqual(picked, t["starts"], op_version=opv),
            OnnxLess(picked, t["ends"], op_version=opv),
            op_version=opv,
        )
        mask = OnnxCast(inside, to=1, op_version=opv)  # 1: FLOAT
        s = OnnxMul(OnnxSub(picked, t["starts"], op_version=opv), mask, op_version=opv)
        s2 = OnnxMul(s, s, op_version=opv)
        s3 = OnnxMul(s2, s, op_version=opv)
        for power, name in ((mask, "c0"), (s, "c1"), (s2, "c2"), (s3, "c3")):
            out = OnnxAdd(out, OnnxMatMul(power, t[name], op_version=opv), op_version=opv)
    return out


def _convert_regressor(scope: Any, operator: Any, container: Any) -> None:
    from skl2onnx.algebra.onnx_ops import OnnxIdentity

    op, opv = operator.raw_operator, container.target_opset
    raw = _raw(op, operator.inputs[0], opv)
    OnnxIdentity(raw, op_version=opv, output_names=[operator.outputs[0].full_name]).add_to(scope, container)


def _convert_classifier(scope: Any, operator: Any, container: Any) -> None:
    from skl2onnx.algebra.onnx_ops import (
        OnnxConcat,
        OnnxIdentity,
        OnnxNeg,
        OnnxSigmoid,
        OnnxSoftmax,
        OnnxSub,
    )

    op, opv = operator.raw_operator, container.target_opset
    raw = _raw(op, operator.inputs[0], opv)
    if scope.get_options(op, dict(raw_scores=False))["raw_scores"]:
        # Asked by skl2onnx's calibration converter: sklearn calibrates the decision function, which is the raw
        # output ([-score, score] for two classes, as skl2onnx's linear classifiers answer).
        two = len(op.classes_) == 2
        proba = OnnxConcat(OnnxNeg(raw, op_version=opv), raw, axis=1, op_version=opv) if two else raw
    elif len(op.classes_) == 2:
        p = OnnxSigmoid(raw, op_version=opv)
        proba = OnnxConcat(OnnxSub(np.ones(1, np.float32), p, op_version=opv), p, axis=1, op_version=opv)
    else:
        proba = OnnxSoftmax(raw, axis=1, op_version=opv)
    proba = OnnxIdentity(proba, op_version=opv, output_names=[operator.outputs[1].full_name])
    add_outputs(proba, op.classes_, scope, operator, container)


def register_onnx() -> None:
    from skl2onnx import update_registered_converter
    from skl2onnx.common.shape_calculator import (
        calculate_linear_classifier_output_shapes,
        calculate_linear_regressor_output_shapes,
    )

    update_registered_converter(
        AdditiveRegressor, "DatamlAdditiveRegressor", calculate_linear_regressor_output_shapes, _convert_regressor
    )
    update_registered_converter(
        AdditiveClassifier,
        "DatamlAdditiveClassifier",
        calculate_linear_classifier_output_shapes,
        _convert_classifier,
        options={"nocl": [True, False], "zipmap": [True, False, "columns"], "raw_scores": [True, False]},
    )
