"""Python SDK of the Data ML Platform, for notebooks.

    from dataml_client import Client
    dm = Client("http://127.0.0.1:8000", "admin", "admin123")

`Client` covers the usual round trip with pandas in and out; `Client.api` with the generated modules under
`dataml_client.openapi.api` reaches every operation of the API, typed.
"""

from .client import Client
from .errors import ApiError, AuthenticationError, DatamlError, DatasetInvalid, JobFailed, NotFoundError
from .jobs import Job, JobState
from .models import Dataset, Model, Template

__all__ = [
    "ApiError",
    "AuthenticationError",
    "Client",
    "DatamlError",
    "Dataset",
    "DatasetInvalid",
    "Job",
    "JobFailed",
    "JobState",
    "Model",
    "NotFoundError",
    "Template",
]
