"""Feature importance of a trained model: mean |SHAP| per original feature on a sample of the rows it was
trained on (the recorded snapshot).

Input: {trainId, table, snapshotId, modelKey, sampleRows?}.
Output: {feature_importance, mean_abs_shap, explainer, rows}.
"""

from __future__ import annotations

import sys
from typing import Any

from ..common.catalog import open_catalog
from ..common.runner import JobError, run_job
from ..common.settings import Settings
from ..common.storage import get_bytes
from ..training.explain import mean_abs_shap
from ..training.model import load_artifact
from ..training.preprocess import Feature

DEFAULT_SAMPLE = 1000


def main(job: dict[str, Any], settings: Settings, submission_id: str) -> dict[str, Any]:
    art = load_artifact(get_bytes(settings, job["modelKey"]))
    meta = art["metadata"]
    if meta["problem_type"] == "Forecast":
        raise JobError("feature importance is available for Classification and Regression models")
    features = [Feature(f["column_name"], f["data_type"], f.get("default_value")) for f in meta["features"]]
    table = open_catalog(settings).load_table(job["table"])
    n = int(job.get("sampleRows") or DEFAULT_SAMPLE)
    frame = (
        table.scan(snapshot_id=int(job["snapshotId"]), selected_fields=tuple(f.name for f in features), limit=n)
        .to_arrow()
        .to_pandas()
    )
    if frame.empty:
        raise JobError("the model's training snapshot has no rows")
    return mean_abs_shap(art["pipeline"], frame, features)


if __name__ == "__main__":
    sys.exit(run_job(main))
