"""The Python pipeline's own predictions on rows of a CSV file (test helper for inference parity).

Usage: predict_reference.py <model_key> <csv_path>. Loads the model artifact from S3 and prints JSON:
{class_labels, labels: [pipeline.predict mapped to the class labels, or values], proba: [[...]] | null}."""

import json
import sys

import numpy as np
import pandas as pd

from dataml_jobs.common.settings import Settings
from dataml_jobs.inference.model import load_model

model = load_model(Settings.from_env(), sys.argv[1])
df = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False).replace({"": None})
X = model.frame(df)
pred = model.pipeline.predict(X)
out = {"class_labels": model.class_labels, "proba": None}
if model.problem_type == "Classification":
    out["labels"] = [model.class_labels[int(i)] for i in pred]
    out["proba"] = np.asarray(model.pipeline.predict_proba(X), dtype="float64").tolist()
else:
    out["labels"] = [float(v) for v in pred]
print(json.dumps(out))
