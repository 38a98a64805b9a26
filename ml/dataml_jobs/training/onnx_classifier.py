"""The two outputs every classifier converter of ours ends with (skl2onnx's classifier shapes, ZipMap off)."""

from __future__ import annotations

from typing import Any

import numpy as np


def add_outputs(proba: Any, classes: Any, scope: Any, operator: Any, container: Any) -> None:
    """`proba`: the [rows, classes] node already named as the operator's second output. Adds it and the label of
    its largest column ([rows], the class's value; the pipeline's labels are encoded 0..k-1)."""
    from skl2onnx.algebra.onnx_ops import OnnxArgMax, OnnxArrayFeatureExtractor, OnnxReshape

    opv = container.target_opset
    best = OnnxArgMax(proba, axis=1, keepdims=0, op_version=opv)
    # ArrayFeatureExtractor answers [1, rows]; the label output is [rows].
    label = OnnxReshape(
        OnnxArrayFeatureExtractor(np.asarray(classes, dtype=np.int64), best, op_version=opv),
        np.array([-1], dtype=np.int64),
        op_version=opv,
        output_names=[operator.outputs[0].full_name],
    )
    proba.add_to(scope, container)
    label.add_to(scope, container)
