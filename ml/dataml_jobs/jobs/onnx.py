"""The ONNX copy of a trained version, made after the version is `Completed` (`training/onnx_copy.py`).

Input: {trainId, table, snapshotId, modelKey, metadataKey, artifactPrefix}.
Output: {onnx_key, onnx, onnx_reason, onnx_status, timings}.
"""

from __future__ import annotations

import sys
from typing import Any

from ..common.runner import run_job
from ..common.settings import Settings
from ..training.onnx_copy import make_onnx_copy
from ..training.spans import SPANS


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
    out = make_onnx_copy(settings, job)
    return {**out, "timings": {k: round(v, 3) for k, v in SPANS.items()}}


if __name__ == "__main__":
    sys.exit(run_job(main))
