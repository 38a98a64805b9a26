"""A regressor fitted on the logarithm of a positive target, predicting exp of its output: an ensemble candidate.

Prices, wages and sales are skewed: a model fitted on log(y) makes relative errors instead of absolute ones, and
the two kinds of model err differently, so their mean is often better than either (on Ames house prices the mean of
default LightGBM on y and on log y had a 5 % lower RMSE than either alone). `ensemble.choose` therefore offers the
best tree family's configuration fitted on log(y) beside the families' own, when every target value is positive,
and the greedy selection decides by out-of-sample RMSE whether it takes part. The model is sklearn's
TransformedTargetRegressor with np.log and np.exp (nothing hand-written to refit or pickle); this module adds its
ONNX converter (the inner regressor's own converter, then Exp) and says which models it wraps.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.compose import TransformedTargetRegressor


def applies(y: np.ndarray) -> bool:
    """Whether a log-target candidate can be fitted on `y`: every value positive and finite."""
    y = np.asarray(y, dtype="float64")
    return len(y) > 0 and bool(np.all(np.isfinite(y))) and float(y.min()) > 0


def log_target(estimator: Any) -> TransformedTargetRegressor:
    """An unfitted copy of `estimator`, fitted on log(y) and predicting exp of its output."""
    return TransformedTargetRegressor(regressor=clone(estimator), func=np.log, inverse_func=np.exp, check_inverse=False)


def is_log_target(model: Any) -> bool:
    return isinstance(model, TransformedTargetRegressor) and model.func is np.log and model.inverse_func is np.exp


def register_onnx() -> None:
    from skl2onnx import update_registered_converter
    from skl2onnx.common.shape_calculator import calculate_linear_regressor_output_shapes

    update_registered_converter(
        TransformedTargetRegressor,
        "DatamlLogTargetRegressor",
        calculate_linear_regressor_output_shapes,
        _convert,
    )


def _convert(scope: Any, operator: Any, container: Any) -> None:
    """The fitted inner regressor's own converter, then Exp."""
    from skl2onnx.algebra.onnx_operator import OnnxSubEstimator
    from skl2onnx.algebra.onnx_ops import OnnxExp

    op, opv = operator.raw_operator, container.target_opset
    if not is_log_target(op):
        raise NotImplementedError("a TransformedTargetRegressor other than log / exp")
    sub = OnnxSubEstimator(op.regressor_, operator.inputs[0], op_version=opv)
    out = OnnxExp(sub, op_version=opv, output_names=[operator.outputs[0].full_name])
    out.add_to(scope, container)
