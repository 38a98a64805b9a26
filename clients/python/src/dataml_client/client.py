"""The notebook client: sign in once, then templates, datasets, training, predictions as pandas in and out.

Typed calls go through the generated client (`self.api`, package `dataml_client.openapi`); what generation cannot
express is here: sign-in with refresh on 401 (auth.py), streamed multipart uploads, waiting with a progress bar,
DataFrames in and out.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Self

import httpx
import pandas as pd
from tqdm.auto import tqdm

from . import frames
from .auth import TokenAuth
from .errors import ApiError, DatamlError, DatasetInvalid, JobFailed
from .jobs import Job, JobState
from .models import Dataset, Model, Template
from .openapi import AuthenticatedClient
from .openapi.api.dataset import get_api_v1_dataset_list, get_api_v1_dataset_view
from .openapi.api.file import get_api_v1_files_list
from .openapi.api.inference import (
    get_api_v1_inference_form_based_prediction,
    get_api_v1_inference_result,
    post_api_v1_inference,
    post_api_v1_inference_forecast,
    post_api_v_1_inference_batch_prediction,
)
from .openapi.api.jobs import post_api_v1_jobs_workflow_id_cancel
from .openapi.api.login import post_api_v1_login_test_token
from .openapi.api.ray import post_api_v1_ray_terminate_ray_job
from .openapi.api.template import (
    delete_api_v1_template_template_id,
    get_api_v1_template_list,
    get_api_v1_template_template_id,
    post_api_v1_template,
)
from .openapi.api.train import (
    get_api_v1_train_list,
    get_api_v1_train_model_summary,
    post_api_v1_train,
    post_api_v1_train_get_details,
)
from .openapi.models import (
    BatchPredictionBody,
    CreateTemplateBody,
    CreateTrainingBody,
    ForecastBody,
    GetTrainingDetailsBody,
    RealtimePredictionBody,
)
from .openapi.types import Response
from .sessions import SESSION_THRESHOLD_BYTES, upload_in_session

FileLike = str | os.PathLike[str] | IO[bytes]
DataLike = pd.DataFrame | FileLike
_DONE_FILE = ("valid", "invalid", "failed")


def _id(value: Any) -> int:
    """Accepts a record (Dataset, Model, Template) or its id."""
    return int(value.id if hasattr(value, "id") else value)


class Client:
    """A signed-in session with the Data ML Platform.

    >>> dm = Client("http://127.0.0.1:8000", "admin", "admin123")   # raises AuthenticationError when refused
    """

    def __init__(self, url: str, username: str, password: str, *, timeout: float = 120.0, progress: bool = True):
        self.url = url.rstrip("/")
        self.progress = progress
        self._http = httpx.Client(
            base_url=self.url,
            auth=TokenAuth(self.url, username, password),
            timeout=httpx.Timeout(timeout, connect=10.0),
        )
        #: The generated low-level client: every operation of the API, typed (dataml_client.openapi.api.*).
        self.api = AuthenticatedClient(base_url=self.url, token="").set_httpx_client(self._http)
        # Signs in now, so that wrong credentials fail here rather than at the first real call.
        self.me = self._ok(post_api_v1_login_test_token.sync_detailed(client=self.api))

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing -------------------------------------------------------------------------------------------

    @staticmethod
    def _ok(response: Response[Any]) -> Any:
        """The parsed body of a 2xx answer; an ApiError (with the server's code and message) otherwise."""
        if response.status_code >= 400:
            raise ApiError.from_response(httpx.Response(int(response.status_code), content=response.content))
        return response.parsed

    def _raw(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = self._http.request(method, path, **kwargs)
        if response.is_error:
            response.read()
            raise ApiError.from_response(response)
        return response

    def _show(self, progress: bool | None) -> bool:
        return self.progress if progress is None else progress

    # --- templates ------------------------------------------------------------------------------------------

    def templates(self) -> pd.DataFrame:
        body = self._ok(get_api_v1_template_list.sync_detailed(client=self.api))
        return pd.DataFrame([t.to_dict() for t in body.data])

    def template(self, template: Any) -> Template:
        body = self._ok(get_api_v1_template_template_id.sync_detailed(_id(template), client=self.api))
        return Template(
            body.id, body.template_name, body.version, pd.DataFrame([c.to_dict() for c in body.template_schema])
        )

    def create_template(
        self, name: str, columns: pd.DataFrame | Mapping[str, str] | Sequence[Mapping[str, Any]]
    ) -> Template:
        """`columns`: a DataFrame (types from its dtypes), {"column": "Float", ...}, or the API's column dicts."""
        if isinstance(columns, pd.DataFrame):
            schema = frames.template_columns(columns)
        elif isinstance(columns, Mapping):
            schema = [{"column_name": k, "data_type": v} for k, v in columns.items()]
        else:
            schema = [dict(c) for c in columns]
        body = CreateTemplateBody.from_dict({"template_name": name, "template_schema": schema})
        created = self._ok(post_api_v1_template.sync_detailed(client=self.api, body=body))
        return self.template(created.id)

    def delete_template(self, template: Any) -> None:
        self._ok(delete_api_v1_template_template_id.sync_detailed(_id(template), client=self.api))

    # --- datasets -------------------------------------------------------------------------------------------

    def datasets(self) -> pd.DataFrame:
        body = self._ok(get_api_v1_dataset_list.sync_detailed(client=self.api))
        return pd.DataFrame([d.to_dict() for d in body.data])

    def dataset(self, dataset: Any) -> Dataset:
        dataset_id = _id(dataset)
        rows = self._ok(get_api_v1_dataset_list.sync_detailed(client=self.api)).data
        row = next((d for d in rows if d.id == dataset_id), None)
        if row is None:
            raise DatamlError(f"dataset {dataset_id} not found in your tenant")
        files = self._files(dataset_id)
        return Dataset(
            id=row.id,
            name=row.dataset_name,
            usage=row.usage.value,
            template_id=row.template_id,
            workflow_id=getattr(dataset, "workflow_id", None),
            is_valid=row.is_valid,
            files=_files_frame(files),
            errors=_errors_frame(files),
            job=Job(self, "validation", row.id, getattr(dataset, "workflow_id", None)),
        )

    def _files(self, dataset_id: int) -> list[dict[str, Any]]:
        body = self._ok(get_api_v1_files_list.sync_detailed(client=self.api, dataset_id=dataset_id))
        return [f.to_dict() for f in body.data]

    def upload(
        self,
        data: DataLike | Iterable[DataLike],
        name: str,
        *,
        usage: str = "t",
        template: Any = None,
        iceberg_table_name: str | None = None,
        wait: bool = True,
        check: bool = True,
        progress: bool | None = None,
    ) -> Dataset:
        """Uploads a DataFrame, a CSV file (path or binary file object) or several, as a new dataset, and waits
        for its validation. `usage`: "t" to train on it, "p" for batch prediction. Without `template` the API
        infers one from the first file. With `check`, a dataset that is not valid raises DatasetInvalid."""
        items = [data] if isinstance(data, (pd.DataFrame, str, os.PathLike)) or hasattr(data, "read") else list(data)  # type: ignore[arg-type]
        params: dict[str, Any] = {"dataset_name": name, "usage": usage}
        if template is not None:
            params["template_id"] = _id(template)
        if iceberg_table_name:
            params["iceberg_table_name"] = iceberg_table_name
        with contextlib.ExitStack() as stack:
            parts = [("files", _file_part(item, i, name, stack)) for i, item in enumerate(items)]
            # httpx streams file objects in chunks and sends their length: nothing is held in memory.
            created = self._raw("POST", "/api/v1/dataset/upload", params=params, files=parts).json()
        dataset = Dataset(
            id=created["dataset_id"],
            name=created["dataset_name"],
            usage=usage,
            template_id=created.get("template_id"),
            workflow_id=created.get("workflow_id"),
            is_valid=None,
            files=_files_frame(created["files"]),
            errors=_errors_frame(created["files"]),
        )
        dataset.job = Job(self, "validation", dataset.id, dataset.workflow_id)
        if not wait:
            return dataset
        dataset.job.wait(progress=self._show(progress))
        dataset = self.dataset(dataset)
        if check and not dataset.is_valid:
            raise DatasetInvalid(dataset, dataset.errors)
        return dataset

    def add_files(
        self,
        dataset: Any,
        data: DataLike | Iterable[DataLike],
        *,
        wait: bool = True,
        check: bool = True,
        progress: bool | None = None,
        session: bool | None = None,
    ) -> Dataset:
        """7.1: adds a DataFrame, a CSV file or several to a dataset and waits for their validation. One file on disk
        of SESSION_THRESHOLD_BYTES or more (or any one file with `session=True`) goes straight to the object store
        through an upload session, in parallel parts, resumed part by part after a dropped connection."""
        dataset_id = _id(dataset)
        items = [data] if isinstance(data, (pd.DataFrame, str, os.PathLike)) or hasattr(data, "read") else list(data)  # type: ignore[arg-type]
        only = items[0] if len(items) == 1 and isinstance(items[0], (str, os.PathLike)) else None
        if only is not None and (session or (session is None and os.path.getsize(only) >= SESSION_THRESHOLD_BYTES)):
            with tqdm(
                total=os.path.getsize(only),
                unit="B",
                unit_scale=True,
                desc=Path(only).name,
                disable=not self._show(progress),
            ) as bar:
                added = upload_in_session(
                    self._raw, dataset_id, only, on_progress=lambda sent, _: bar.update(sent - bar.n)
                )
        elif session:
            raise DatamlError("an upload session takes exactly one file on disk (a path)")
        else:
            with contextlib.ExitStack() as stack:
                parts = [("files", _file_part(item, i, f"dataset-{dataset_id}", stack)) for i, item in enumerate(items)]
                added = self._raw("POST", "/api/v1/files/add", params={"dataset_id": dataset_id}, files=parts).json()
        if wait:
            Job(self, "validation", dataset_id, added.get("workflow_id")).wait(progress=self._show(progress))
        result = self.dataset(dataset_id)
        result.workflow_id = added.get("workflow_id")
        if wait and check and not result.is_valid:
            raise DatasetInvalid(result, result.errors)
        return result

    def view(self, dataset: Any, *, limit: int = 50, offset: int = 0) -> pd.DataFrame:
        """The validated rows of a dataset (typed by its template)."""
        body = self._ok(
            get_api_v1_dataset_view.sync_detailed(client=self.api, dataset_id=_id(dataset), limit=limit, offset=offset)
        )
        return pd.DataFrame([row.to_dict() for row in body.preview])

    # --- training -------------------------------------------------------------------------------------------

    def models(self) -> pd.DataFrame:
        body = self._ok(get_api_v1_train_list.sync_detailed(client=self.api))
        return pd.DataFrame([t.to_dict() for t in body.data])

    def model(self, model: Any) -> Model:
        model_id = _id(model)
        row = self._training_row(model_id)
        if row is None:
            raise DatamlError(f"model {model_id} not found in your tenant")
        return _model(self, row)

    def _training_row(self, train_id: int) -> dict[str, Any] | None:
        body = self._ok(get_api_v1_train_list.sync_detailed(client=self.api))
        return next((t.to_dict() for t in body.data if t.id == train_id), None)

    def train(
        self,
        dataset: Any,
        target: str,
        *,
        name: str,
        problem_type: str = "Classification",
        algorithm: str = "auto",
        id_column: str | None = None,
        time_column: str | None = None,
        ignore: Iterable[str] = (),
        domain: str = "default",
        shap: bool = False,
        seed: int | None = None,
        time_budget_seconds: float | None = None,
        forecast_horizon: int | None = None,
        wait: bool = True,
        progress: bool | None = None,
    ) -> Model:
        """Trains a model on a validated training dataset and (by default) waits for it with a progress bar.
        Every column of the dataset that is not the target, the id, the time column or ignored is a feature.
        `problem_type`: Classification, Regression or Forecast. Raises JobFailed when the training fails."""
        dataset_id = _id(dataset)
        details = self._ok(
            post_api_v1_train_get_details.sync_detailed(
                client=self.api,
                body=GetTrainingDetailsBody.from_dict(
                    {"dataset_id": dataset_id, "predictor_name": name, "domain": domain, "problem_type": problem_type}
                ),
            )
        )
        roles = {target: "Target", **dict.fromkeys(ignore, "Ignore")}
        if id_column:
            roles[id_column] = "Id"
        if time_column:
            roles[time_column] = "Time"
        known = {c.column_name for c in details.dataset_schema}
        unknown = sorted(set(roles) - known)
        if unknown:
            raise DatamlError(f"not columns of dataset {dataset_id}: {unknown} (it has {sorted(known)})")
        columns = [
            {
                "column_name": c.column_name,
                "data_type": c.data_type.value,
                "attribute_name": roles.get(c.column_name, "Feature"),
            }
            for c in details.dataset_schema
        ]
        body: dict[str, Any] = {
            "dataset_id": dataset_id,
            "predictor_name": name,
            "domain": domain,
            "problem_type": problem_type,
            "columns": columns,
            "algorithm": algorithm,
            "shap_enabled": shap,
        }
        extras = {"seed": seed, "time_budget_seconds": time_budget_seconds, "forecast_horizon": forecast_horizon}
        body.update({k: v for k, v in extras.items() if v is not None})
        created = self._ok(post_api_v1_train.sync_detailed(client=self.api, body=CreateTrainingBody.from_dict(body)))
        job = Job(self, "training", created.id, created.workflow_id)
        if wait:
            job.wait(progress=self._show(progress))
        model = self.model(created.id)
        model.job = job
        return model

    def _summary(self, model: Any) -> dict[str, Any]:
        return self._ok(get_api_v1_train_model_summary.sync_detailed(client=self.api, train_id=_id(model))).to_dict()

    def leaderboard(self, model: Any) -> pd.DataFrame:
        """The candidates `auto` tried, one row each (validation score, fit time, `selected`); empty when the
        algorithm was fixed."""
        return pd.DataFrame(self._summary(model)["model_summary"].get("leaderboard") or [])

    def metrics(self, model: Any) -> pd.DataFrame:
        """Test-set metrics of the model, beside the trivial baseline's (majority class, mean, seasonal naive)."""
        summary = self._summary(model)["model_summary"]
        baseline = summary.get("baseline") or {}
        rows = [
            {
                "metric": k,
                "model": v,
                "baseline": baseline.get(k) if isinstance(baseline.get(k), (int, float)) else None,
            }
            for k, v in summary.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool)
        ]
        return pd.DataFrame(rows, columns=["metric", "model", "baseline"]).set_index("metric")

    def confusion_matrix(self, model: Any) -> pd.DataFrame | None:
        """Rows: true class, columns: predicted class (labels sorted); None for regression and forecast."""
        matrix = self._summary(model).get("confusion_matrix")
        return None if matrix is None else pd.DataFrame(matrix)

    # --- predictions ----------------------------------------------------------------------------------------

    def predict(self, model: Any, rows: pd.DataFrame, *, progress: bool | None = None) -> pd.DataFrame:
        """Real-time predictions for each row of `rows` (same index): `prediction`, and for classification one
        `probability_<label>` column per class. Columns the model does not use are left out of the request."""
        train_id = _id(model)
        form = self._ok(get_api_v1_inference_form_based_prediction.sync_detailed(client=self.api, id=train_id))
        inputs = [h.column_name for h in form.headers]
        missing = [c for c in inputs if c not in rows.columns]
        if missing:
            raise DatamlError(f"model {train_id} needs the columns {missing}")
        out: list[dict[str, Any]] = []
        records = rows[inputs].to_dict(orient="records")
        for record in tqdm(records, desc=f"predict {train_id}", disable=not self._show(progress) or len(records) < 2):
            body = RealtimePredictionBody.from_dict(
                {
                    "train_id": train_id,
                    "preprocess_id": form.preprocess_id,
                    "target": form.target,
                    "features": frames.row_values(record),
                }
            )
            answer = self._ok(post_api_v1_inference.sync_detailed(client=self.api, body=body)).to_dict()
            row = {"prediction": answer["prediction"]}
            row.update({f"probability_{k}": v for k, v in (answer.get("probabilities") or {}).items()})
            out.append(row)
        return pd.DataFrame(out, index=rows.index)

    def predict_batch(
        self, model: Any, data: Any, *, name: str | None = None, wait: bool = True, progress: bool | None = None
    ) -> pd.DataFrame | Job:
        """Batch prediction (a Ray job) over a prediction dataset, or over a DataFrame/CSV uploaded as one (with the
        model's template, the target may be absent). Waits and returns the rows with `prediction` and
        `probability_<label>` columns; with `wait=False`, returns the Job (`client.batch_result(job)` later)."""
        train_id = _id(model)
        if isinstance(data, (pd.DataFrame, str, os.PathLike)) or hasattr(data, "read"):
            trained_on = self._training_row(train_id)
            if trained_on is None:
                raise DatamlError(f"model {train_id} not found in your tenant")
            template_id = self.dataset(trained_on["dataset_id"]).template_id
            data = self.upload(
                data, name or f"predict-{train_id}-{time.time_ns()}", usage="p", template=template_id, progress=progress
            )
        created = self._ok(
            post_api_v_1_inference_batch_prediction.sync_detailed(
                client=self.api, body=BatchPredictionBody(train_id=train_id, dataset_id=_id(data))
            )
        )
        job = Job(self, "batch_prediction", created.prediction_id)
        if not wait:
            return job
        job.wait(progress=self._show(progress))
        return self.batch_result(job)

    def batch_result(self, job: Job | int) -> pd.DataFrame:
        """The CSV of a completed batch prediction, as a DataFrame."""
        prediction_id = job.ref if isinstance(job, Job) else int(job)
        # Spooled to a temporary file as it arrives, so that a large result is never held twice in memory.
        with tempfile.TemporaryFile() as out:
            with self._http.stream(
                "GET", "/api/v1/inference/result/download", params={"prediction_id": prediction_id}
            ) as r:
                if r.is_error:
                    r.read()
                    raise ApiError.from_response(r)
                for chunk in r.iter_bytes():
                    out.write(chunk)
            out.seek(0)
            return pd.read_csv(out)

    def forecast(
        self,
        model: Any,
        unique_id: str,
        steps: int,
        frequency: str,
        *,
        exogenous: pd.DataFrame | Sequence[Mapping[str, Any]] | None = None,
    ) -> pd.DataFrame:
        """`steps` values ahead of the series `unique_id` (frequency: Day, Week, Month, … as trained), with the
        95 % interval (`lower`, `upper`). `exogenous`: one row per step with the model's exogenous columns."""
        train_id = _id(model)
        form = self._ok(get_api_v1_inference_form_based_prediction.sync_detailed(client=self.api, id=train_id))
        body: dict[str, Any] = {
            "train_id": train_id,
            "preprocess_id": form.preprocess_id,
            "steps": steps,
            "frequency": frequency,
            "unique_id": unique_id,
        }
        if exogenous is not None:
            records = exogenous.to_dict(orient="records") if isinstance(exogenous, pd.DataFrame) else exogenous
            body["exogenous"] = [frames.row_values(r) for r in records]
        answer = self._ok(
            post_api_v1_inference_forecast.sync_detailed(client=self.api, body=ForecastBody.from_dict(body))
        )
        frame = pd.DataFrame([step.to_dict() for step in answer.forecast])
        if not frame.empty:
            frame["date"] = pd.to_datetime(frame["date"])
        return frame

    # --- jobs -----------------------------------------------------------------------------------------------

    def cancel(self, job: Job | Model) -> None:
        """Cancels a running job (a training: its Ray job is stopped and the model ends Cancelled)."""
        handle = job.job if isinstance(job, Model) else job
        if handle is None:
            handle = Job(self, "training", job.id, getattr(job, "workflow_id", None))
        self._cancel_job(handle)

    def _job_state(self, job: Job) -> JobState:
        """The one place that reads a job's state (from the seed's status endpoints until the jobs API lands)."""
        if job.kind == "validation":
            files = self._files(job.ref)
            done = sum(f.get("status") in _DONE_FILE for f in files)
            total = max(len(files), 1)
            status = "completed" if files and done == len(files) else "running"
            return JobState(status, f"validating: {done}/{len(files)} files", 100.0 * done / total)
        if job.kind == "training":
            row = self._training_row(job.ref)
            if row is None:
                raise DatamlError(f"training {job.ref} not found")
            status = str(row["training_status"]).lower()
            return JobState(status, row["training_status"], None, row.get("error"))
        if job.kind == "batch_prediction":
            result = self._ok(
                get_api_v1_inference_result.sync_detailed(client=self.api, prediction_id=job.ref)
            ).to_dict()
            return JobState(result["status"], result["status"], None, result.get("error"))
        raise DatamlError(f"unknown job kind {job.kind!r}")

    def _cancel_job(self, job: Job, *, timeout: float = 60.0) -> None:
        """The one place that cancels a job: through the jobs API by its workflow id; a training handle without
        one (built from an old listing) goes through 12.1 with the training's Ray job id."""
        if job.workflow_id:
            self._ok(post_api_v1_jobs_workflow_id_cancel.sync_detailed(job.workflow_id, client=self.api))
            return
        if job.kind != "training":
            raise DatamlError(f"this {job.kind} job has no workflow id to cancel it by")
        # A just-created training gets its Ray job id once the Ray job is submitted (a second or so later).
        deadline = time.monotonic() + timeout
        while True:
            row = self._training_row(job.ref)
            if row is None:
                raise DatamlError(f"training {job.ref} not found")
            if row.get("ray_job_id"):
                break
            if row["training_status"] in ("Completed", "Failed", "Cancelled"):
                raise JobFailed(
                    "training", str(job.ref), row["training_status"].lower(), "already finished: nothing to cancel"
                )
            if time.monotonic() > deadline:
                raise TimeoutError(f"training {job.ref} has no Ray job after {timeout} s")
            time.sleep(0.5)
        self._ok(
            post_api_v1_ray_terminate_ray_job.sync_detailed(
                client=self.api, ray_job_id=row["ray_job_id"], usage="training"
            )
        )


def _model(client: Client, row: Mapping[str, Any]) -> Model:
    return Model(
        id=row["id"],
        name=row["predictor_name"],
        problem_type=row["problem_type"],
        status=row["training_status"],
        dataset_id=row["dataset_id"],
        algorithm=row.get("algorithm"),
        accuracy=row.get("accuracy"),
        version=row.get("version"),
        workflow_id=row.get("workflow_id"),
        ray_job_id=row.get("ray_job_id"),
        error=row.get("error"),
        job=Job(client, "training", row["id"], row.get("workflow_id")),
    )


_FILE_COLUMNS = ["id", "file_name", "status", "total_records", "total_fields", "snapshot_id"]


def _files_frame(files: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame([{k: f.get(k) for k in _FILE_COLUMNS} for f in files], columns=_FILE_COLUMNS)


def _errors_frame(files: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    columns = ["file_id", "file_name", "rule", "row", "column", "value", "message"]
    rows = [
        {"file_id": f["id"], "file_name": f["file_name"], **example}
        for f in files
        for example in ((f.get("error_report") or {}).get("examples") or [])
    ]
    return pd.DataFrame(rows, columns=columns)


def _file_part(item: DataLike, index: int, name: str, stack: contextlib.ExitStack) -> tuple[str, IO[bytes], str]:
    """(file name, binary stream, content type) for one multipart part; opened streams close with `stack`."""
    if isinstance(item, pd.DataFrame):
        return (f"{name}-{index}.csv", stack.enter_context(frames.csv_file(item)), "text/csv")
    if isinstance(item, (str, os.PathLike)):
        path = Path(item)
        return (path.name, stack.enter_context(path.open("rb")), "text/csv")
    return (Path(getattr(item, "name", f"{name}-{index}.csv")).name, item, "text/csv")
