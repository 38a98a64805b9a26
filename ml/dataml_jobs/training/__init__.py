"""Model training shared by the train, SHAP and prediction jobs: one fitted sklearn Pipeline per model."""

import importlib.util
import sys

# Ray starts jobs in the repository root, where the `coverage/` report folder is importable as a namespace
# package named `coverage`; numba (imported by shap and statsforecast) takes it for coverage.py and fails with
# "module 'coverage' has no attribute 'types'". Without the real coverage.py, make `import coverage` fail cleanly.
_spec = importlib.util.find_spec("coverage") if "coverage" not in sys.modules else None
if _spec is not None and _spec.origin in (None, "namespace"):
    sys.modules["coverage"] = None  # type: ignore[assignment]
