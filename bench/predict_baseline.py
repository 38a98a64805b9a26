"""Baseline of the batch-prediction benchmark: the raw model's `predict` on the same rows, in memory.

Usage: predict_baseline.py <model_key> <csv_path>. Loads the artifact from S3 and the CSV, types the rows
(not timed), then times `pipeline.predict` on all of them. Prints JSON {rows, seconds}."""

import json
import sys
import time

import pyarrow.csv as pacsv

from dataml_jobs.common.settings import Settings
from dataml_jobs.inference.model import load_model

model = load_model(Settings.from_env(), sys.argv[1])
X = model.frame(pacsv.read_csv(sys.argv[2]).to_pandas())
t0 = time.perf_counter()
model.pipeline.predict(X)
print(json.dumps({"rows": len(X), "seconds": time.perf_counter() - t0}))
