"""LightGBM's estimators, with split thresholds that an ONNX copy reproduces exactly.

LightGBM compares a feature in float64 with a float64 threshold (a midpoint between neighbouring training values);
the ONNX tree ensemble compares float32 inputs with float32 thresholds. A threshold rounded to float32 can land on a
training value, which then goes to the other side of the split: on Ames house prices (longitude, latitude) 8 splits
did, the ONNX copy was $846 off on a row and the model was served by Python instead.

The preprocessor hands every model float32 values (`preprocess.Float32Imputer`, as XGBoost and sklearn's trees
round their inputs anyway). For a float32 x, `x <= t` holds exactly when `x <= t32`, t32 being the largest float32
not above t. So after each fit every numerical threshold becomes that t32: no prediction changes, and the float32
graph makes the same decisions. Same class names as LightGBM's, so the model's recorded class and the explanation
code (`explain.py`) read them as LightGBM's.
"""

from __future__ import annotations

from typing import Any

import lightgbm as lgb
import numpy as np

_CATEGORICAL = 1  # LightGBM's decision_type bit for a categorical split (its threshold indexes a category list)


def floor32(t: float) -> float:
    """The largest float32 not above `t`."""
    f = np.float32(t)
    if float(f) > t:
        f = np.nextafter(f, np.float32(-np.inf))
    return float(f)


def snap_thresholds(model_text: str) -> str:
    """LightGBM's text model with every numerical split threshold replaced by `floor32` of it (repr: exact). The
    header's byte sizes of the trees no longer hold, so they go: LightGBM then reads the trees one after another."""
    lines = [line for line in model_text.split("\n") if not line.startswith("tree_sizes=")]
    for i, line in enumerate(lines):
        if not line.startswith("threshold="):
            continue
        kinds = _decision_types(lines, i)
        values = line.split("=", 1)[1].split()
        if kinds is None or len(kinds) != len(values):
            raise ValueError("unexpected LightGBM model text: thresholds without their decision types")
        snapped = [v if k & _CATEGORICAL else repr(floor32(float(v))) for v, k in zip(values, kinds, strict=True)]
        lines[i] = "threshold=" + " ".join(snapped)
    return "\n".join(lines)


def _decision_types(lines: list[str], at: int) -> list[int] | None:
    """The decision types of the tree whose thresholds are on line `at`: they follow them, before the next tree."""
    for line in lines[at + 1 :]:
        if line.startswith("Tree="):
            return None
        if line.startswith("decision_type="):
            return [int(v) for v in line.split("=", 1)[1].split()]
    return None


class _Snapped:
    def fit(self, *args: Any, **kwargs: Any) -> Any:
        super().fit(*args, **kwargs)  # type: ignore[misc]
        fitted = self._Booster
        snapped = lgb.Booster(model_str=snap_thresholds(fitted.model_to_string()))
        snapped.best_iteration = fitted.best_iteration
        self._Booster = snapped
        return self


class LGBMClassifier(_Snapped, lgb.LGBMClassifier):
    pass


class LGBMRegressor(_Snapped, lgb.LGBMRegressor):
    pass


def ours(estimator: Any) -> Any:
    """A LightGBM estimator made by someone else (FLAML) as ours, with the same parameters; others as they are."""
    for theirs, mine in ((lgb.LGBMClassifier, LGBMClassifier), (lgb.LGBMRegressor, LGBMRegressor)):
        if type(estimator) is theirs:
            return mine(**estimator.get_params())
    return estimator
