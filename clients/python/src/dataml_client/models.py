"""What the notebook-level methods return: small records with the fields people use, DataFrames for tables.
Every other response is available typed from the generated client (`Client.api`, `dataml_client.openapi`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .jobs import Job


@dataclass
class Template:
    id: int
    name: str
    version: int
    columns: pd.DataFrame  # column_name, data_type, default_value, nullable


@dataclass
class Dataset:
    id: int
    name: str
    usage: str  # "t" training, "p" prediction
    template_id: int | None
    workflow_id: str | None
    is_valid: bool | None  # None while a file is still being validated
    files: pd.DataFrame  # one row per file: id, file_name, status, total_records, total_fields, snapshot_id
    errors: pd.DataFrame  # validation findings of every file: file_id, file_name, rule, row, column, value, message
    job: Job | None = field(default=None, repr=False)


@dataclass
class Model:
    """One training job = one model version (the API's `train_id`)."""

    id: int
    name: str
    problem_type: str
    status: str  # Submitted, Running, Completed, Failed, Cancelled
    dataset_id: int
    algorithm: str | None = None
    accuracy: float | None = None  # the headline metric
    version: int | None = None
    workflow_id: str | None = None
    ray_job_id: str | None = None
    error: str | None = None
    job: Job | None = field(default=None, repr=False)
