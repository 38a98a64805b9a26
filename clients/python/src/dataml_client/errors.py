"""Errors the SDK raises. Every API error carries the server's envelope: code, message, details, request id."""

from __future__ import annotations

from typing import Any

import httpx


class DatamlError(Exception):
    """Base class of every error this SDK raises."""


class ApiError(DatamlError):
    """The API answered with an error status (4xx/5xx); `code`, `message` and `details` come from its JSON body."""

    def __init__(self, status: int, code: str, message: str, details: Any = None, request_id: str | None = None):
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.request_id = request_id
        text = f"{status} {code}: {message}"
        if details:
            text += f" (details: {details})"
        if request_id:
            text += f" [request {request_id}]"
        super().__init__(text)

    @classmethod
    def from_response(cls, response: httpx.Response) -> ApiError:
        try:
            body = response.json()
        except ValueError:
            body = None
        error = body.get("error") if isinstance(body, dict) else None
        if isinstance(error, dict):
            code = str(error.get("code") or "error")
            message = str(error.get("message") or response.reason_phrase)
            details = error.get("details")
        else:
            code, message, details = "http_error", response.text[:500] or response.reason_phrase, None
        request_id = body.get("request_id") if isinstance(body, dict) else None
        kind = (
            AuthenticationError
            if response.status_code == 401
            else NotFoundError
            if response.status_code == 404
            else cls
        )
        return kind(response.status_code, code, message, details, request_id)


class AuthenticationError(ApiError):
    """Sign-in failed (wrong username or password, throttled) or the session could not be renewed."""


class NotFoundError(ApiError):
    """The resource does not exist in your tenant."""


class JobFailed(DatamlError):
    """A job (validation, training, batch prediction) ended Failed or Cancelled."""

    def __init__(self, kind: str, ref: str, status: str, message: str | None):
        self.kind = kind
        self.ref = ref
        self.status = status
        self.message = message
        super().__init__(f"{kind} {ref} ended {status}" + (f": {message}" if message else ""))


class DatasetInvalid(DatamlError):
    """Validation finished but some files are not valid; `errors` lists the findings (rule, row, column, value)."""

    def __init__(self, dataset: Any, errors: Any):
        self.dataset = dataset
        self.errors = errors
        super().__init__(
            f"dataset {dataset.id} ({dataset.name}) is not valid: {len(errors)} finding(s); "
            f"see .errors\n{errors.head(10)}"
        )
