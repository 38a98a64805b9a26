"""`auto`, classification: temperature scaling of the final model's probabilities, when rows it was not fitted on say
it lowers log-loss.

A model can rank the classes right and still be too sure or too unsure of them, which log-loss punishes: a linear
model's regularisation and a soft-voting blend's averaging flatten probabilities; a booster sharpens them. One
parameter fixes the scale (Guo et al. 2017, "On calibration of modern neural networks"; AutoGluon does it for
log-loss): p_T = softmax(log(p) / T), T > 1 flattening, T < 1 sharpening. It never changes which class is most
likely, so accuracy, ROC and PR curves stay those of the model.

T is fitted on the out-of-sample predictions the ensemble step already made (out-of-fold on small data, a held-out
25 % of the train part otherwise; `ensemble.py`) of the model `auto` chose, within BOUNDS. It is kept only when it
beats T = 1 on rows it was not fitted on: the predicted rows are split in two halves, T fitted on one is scored on
the other, both ways, and the loss over both halves must be lower by MIN_GAIN. The refit on every row keeps T.

`TemperatureScaled` is the sklearn model (the fitted model inside, T applied to its probabilities); it has an ONNX
converter (`register_onnx`), so in-process serving keeps working, and explanations stay exact (`explain.py`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone

from .ensemble import log_loss
from .onnx_classifier import add_outputs

BOUNDS = (0.25, 4.0)
MIN_GAIN = 0.02
FLOOR = 1e-15  # probabilities are clipped here before the log (a class a model gives 0)


def scale(proba: np.ndarray, temperature: float) -> np.ndarray:
    """softmax(log(p) / T), row by row."""
    z = np.log(np.clip(np.asarray(proba, dtype="float64"), FLOOR, 1.0)) / temperature
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(proba: np.ndarray, y: np.ndarray) -> float:
    """The T within BOUNDS of lowest log-loss on (proba, y); deterministic (a bounded scalar search on log T)."""
    from scipy.optimize import minimize_scalar

    lo, hi = np.log(BOUNDS[0]), np.log(BOUNDS[1])
    found = minimize_scalar(lambda t: log_loss(y, scale(proba, float(np.exp(t)))), bounds=(lo, hi), method="bounded")
    return float(np.exp(found.x))


def choose(proba: np.ndarray, y: np.ndarray, seed: int) -> tuple[float | None, dict[str, Any]]:
    """The temperature to apply (None: the model as it is) and the record of the choice, from out-of-sample
    predictions `proba` of the chosen model and their labels `y`."""
    if len(y) < 20:
        return None, {"temperature": None, "skipped": f"{len(y)} out-of-sample rows are too few"}
    order = np.random.default_rng(seed).permutation(len(y))
    halves = (order[: len(y) // 2], order[len(y) // 2 :])
    scaled = plain = 0.0
    for on, score in (halves, halves[::-1]):
        t = fit(proba[on], y[on])
        share = len(score) / len(y)
        scaled += share * log_loss(y[score], scale(proba[score], t))
        plain += share * log_loss(y[score], proba[score])
    t = fit(proba, y)
    kept = scaled < plain * (1 - MIN_GAIN)
    record = {
        "temperature": round(t, 6) if kept else None,
        "fitted_temperature": round(t, 6),
        "out_of_selection_log_loss": {"scaled": scaled, "plain": plain},
        "rows": len(y),
    }
    return (t if kept else None), record


class TemperatureScaled(ClassifierMixin, BaseEstimator):
    """`estimator` (unfitted; fitted as `estimator_`) with its probabilities scaled by `temperature`."""

    def __init__(self, estimator: Any = None, temperature: float = 1.0):
        self.estimator = estimator
        self.temperature = temperature

    def fit(self, X: Any, y: Any) -> TemperatureScaled:
        self.estimator_ = clone(self.estimator).fit(X, y)
        self.classes_ = self.estimator_.classes_
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        return scale(self.estimator_.predict_proba(X), self.temperature)

    def predict(self, X: Any) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


def inner(model: Any) -> Any:
    """The fitted model a TemperatureScaled holds (else `model`): what explanations and incremental training read."""
    return model.estimator_ if isinstance(model, TemperatureScaled) else model


def register_onnx() -> None:
    """skl2onnx's converter for TemperatureScaled: the inner model's own converter, then Log, Div(T), Softmax, and the
    label of the largest probability."""
    from skl2onnx import update_registered_converter
    from skl2onnx.common.shape_calculator import calculate_linear_classifier_output_shapes

    update_registered_converter(
        TemperatureScaled,
        "DatamlTemperatureScaled",
        calculate_linear_classifier_output_shapes,
        _convert,
        options={"nocl": [True, False], "zipmap": [True, False, "columns"]},
    )


def _convert(scope: Any, operator: Any, container: Any) -> None:
    from skl2onnx.algebra.onnx_operator import OnnxSubEstimator
    from skl2onnx.algebra.onnx_ops import OnnxDiv, OnnxLog, OnnxMax, OnnxSoftmax

    op, opv = operator.raw_operator, container.target_opset
    sub = OnnxSubEstimator(op.estimator_, operator.inputs[0], op_version=opv, options={"zipmap": False})
    floor = OnnxMax(sub[1], np.array([FLOOR], dtype=np.float32), op_version=opv)
    logits = OnnxDiv(OnnxLog(floor, op_version=opv), np.array([op.temperature], dtype=np.float32), op_version=opv)
    proba = OnnxSoftmax(logits, axis=1, op_version=opv, output_names=[operator.outputs[1].full_name])
    add_outputs(proba, op.classes_, scope, operator, container)
