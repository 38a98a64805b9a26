"""The SDK against the real API (see conftest.py): upload, validate, train, predict, batch, forecast, cancel."""

from __future__ import annotations

import math
import os

import numpy as np
import pandas as pd
import pytest
from conftest import URL, needs_api, uniq
from dataml_client import AuthenticationError, Client, DatasetInvalid, JobFailed

pytestmark = needs_api


def churn_frame(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    age = rng.normal(40, 10, n).round(2)
    plan = rng.choice(["basic", "plus", "pro"], n)
    active = rng.random(n) < 0.5
    score = (
        (age - 40) / 8 + np.where(plan == "pro", 1.2, np.where(plan == "plus", 0.3, -0.9)) + np.where(active, 0.4, -0.4)
    )
    churn = score + 0.4 * rng.normal(size=n) > 0.2
    return pd.DataFrame({"age": age, "plan": plan, "active": active, "churn": churn})


@pytest.fixture(scope="module")
def trained(dm: Client):
    frame = churn_frame(160, seed=7)
    template = dm.create_template(uniq("sdk-churn-"), frame)
    dataset = dm.upload(frame, uniq("sdk-churn-"), template=template)
    model = dm.train(dataset, "churn", name=uniq("sdk-churn-"))  # auto: a leaderboard of candidates
    return template, dataset, model, frame


def test_a_wrong_password_raises_a_clear_authentication_error():
    with pytest.raises(AuthenticationError) as raised:
        Client(URL, os.environ["DATAML_USERNAME"], "not-the-password")
    assert raised.value.status == 401
    assert raised.value.message  # the server's own explanation
    assert raised.value.request_id


def test_a_template_from_a_dataframe_has_its_types(trained):
    template, _, _, _ = trained
    types = dict(zip(template.columns["column_name"], template.columns["data_type"], strict=True))
    assert types == {"age": "Float", "plan": "String", "active": "Boolean", "churn": "Boolean"}
    assert template.version == 1


def test_an_uploaded_dataframe_is_validated_into_the_lake(dm: Client, trained):
    _, dataset, _, frame = trained
    assert dataset.is_valid is True
    assert dataset.files["status"].tolist() == ["valid"]
    assert dataset.files["total_records"].tolist() == [len(frame)]
    assert dataset.errors.empty
    rows = dm.view(dataset, limit=5)
    assert len(rows) == 5
    assert rows["age"].tolist() == frame["age"].head(5).tolist()
    assert dataset.id in dm.datasets()["id"].tolist()


def test_an_invalid_file_raises_with_its_findings(dm: Client, trained, tmp_path):
    template, _, _, frame = trained
    bad = frame.head(10).astype({"age": object})
    bad.loc[3, "age"] = "forty"
    path = tmp_path / "bad.csv"
    bad.to_csv(path, index=False)
    with pytest.raises(DatasetInvalid) as raised:
        dm.upload(path, uniq("sdk-bad-"), template=template)
    errors = raised.value.errors
    assert errors["rule"].tolist() == ["type_error"]
    assert errors["column"].tolist() == ["age"]
    assert errors["value"].tolist() == ["forty"]
    assert errors["file_name"].tolist() == ["bad.csv"]
    assert raised.value.dataset.files["status"].tolist() == ["invalid"]


def test_files_added_through_an_upload_session_are_validated(dm: Client, trained, tmp_path):
    template, _, _, _ = trained
    dataset = dm.upload(churn_frame(40, seed=11), uniq("sdk-session-"), template=template)
    more = churn_frame(75, seed=12)
    path = tmp_path / "more.csv"
    more.to_csv(path, index=False)
    added = dm.add_files(dataset, path, session=True)  # parts PUT straight to the store, then completed
    assert added.is_valid is True
    by_name = added.files.set_index("file_name")
    assert by_name.loc["more.csv", "total_records"] == len(more)
    assert by_name.loc["more.csv", "status"] == "valid"
    assert len(dm.view(added, limit=500)) == 40 + len(more)


def test_training_completes_with_metrics_and_a_leaderboard(dm: Client, trained):
    _, _, model, _ = trained
    assert model.status == "Completed"
    metrics = dm.metrics(model)
    assert 0.5 < metrics.loc["accuracy", "model"] <= 1.0
    assert {"precision", "recall", "f1_score"} <= set(metrics.index)
    board = dm.leaderboard(model)
    # auto is a search (docs/training.md): every trial is a row; it starts from LightGBM's defaults. A blend of the
    # families' best has its own row (`ensemble`) whether or not it was kept.
    assert "lightgbm" in set(board["algorithm"])
    assert set(board["algorithm"]) <= {
        "lightgbm",
        "xgboost",
        "random_forest",
        "extra_trees",
        "linear",
        "gam",
        "ensemble",
    }
    assert board.loc[board["selected"], "algorithm"].tolist() == [model.algorithm]
    matrix = dm.confusion_matrix(model)
    assert matrix is not None and matrix.shape == (2, 2)
    assert model.id in dm.models()["id"].tolist()


def test_predict_returns_a_dataframe_with_probabilities_and_agrees_with_batch(dm: Client, trained):
    _, _, model, _ = trained
    rows = churn_frame(12, seed=99).drop(columns=["churn"])
    rows.index = [f"r{i}" for i in range(len(rows))]
    online = dm.predict(model, rows)
    assert online.index.tolist() == rows.index.tolist()
    assert set(online.columns) == {"prediction", "probability_true", "probability_false"}
    assert online["prediction"].map(type).eq(bool).all()
    total = online["probability_true"] + online["probability_false"]
    assert all(math.isclose(t, 1.0, abs_tol=1e-5) for t in total)
    assert (online["prediction"] == (online["probability_true"] > 0.5)).all()

    batch = dm.predict_batch(model, rows.reset_index(drop=True))
    assert len(batch) == len(rows)
    assert batch["prediction"].astype(str).str.lower().tolist() == online["prediction"].astype(str).str.lower().tolist()
    assert np.allclose(batch["probability_true"].to_numpy(), online["probability_true"].to_numpy(), atol=1e-5)


def test_forecast_returns_the_steps_as_a_dataframe(dm: Client):
    weeks = pd.date_range("2024-01-07", periods=30, freq="W-SUN")
    rng = np.random.default_rng(3)
    series = pd.concat(
        pd.DataFrame({"sid": sid, "week": weeks, "sales": level + 1.5 * np.arange(30) + rng.normal(0, 2, 30)})
        for sid, level in (("A", 100.0), ("B", 50.0))
    )
    dataset = dm.upload(series, uniq("sdk-series-"))  # the template is inferred by the API
    model = dm.train(
        dataset,
        "sales",
        name=uniq("sdk-fc-"),
        problem_type="Forecast",
        id_column="sid",
        time_column="week",
        algorithm="ets",
    )
    assert model.status == "Completed"
    ahead = dm.forecast(model, "A", 4, "Week")
    assert len(ahead) == 4
    assert ahead["date"].tolist() == list(pd.date_range(weeks[-1] + pd.Timedelta(weeks=1), periods=4, freq="W-SUN"))
    assert (ahead["lower"] <= ahead["value"]).all() and (ahead["value"] <= ahead["upper"]).all()
    assert ahead["value"].between(100, 250).all()


def test_a_training_can_be_cancelled(dm: Client, trained):
    _, dataset, _, _ = trained
    model = dm.train(dataset, "churn", name=uniq("sdk-cancel-"), algorithm="auto", wait=False)
    assert model.status in ("Submitted", "Running")
    dm.cancel(model)
    with pytest.raises(JobFailed) as raised:
        model.job.wait(progress=False)
    assert raised.value.status == "cancelled"
    assert dm.model(model).status == "Cancelled"


def test_an_expired_access_token_is_renewed_transparently(dm: Client):
    dm._http.auth._access = "not-a-valid-token"  # as if it had expired
    assert not dm.templates().empty
    assert dm._http.auth._access != "not-a-valid-token"
