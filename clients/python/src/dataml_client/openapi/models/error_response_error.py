from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponseError")


@_attrs_define
class ErrorResponseError:
    """
    Attributes:
        code (ErrorCode): Stable error codes:
            - `bad_request` (400): Malformed request: unreadable body, parameters or multipart form
            - `invalid_idempotency_key` (400): Idempotency-Key is not 1 to 255 visible ASCII characters
            - `unauthorized` (401): Missing, expired or revoked token (or a job callback without its secret)
            - `forbidden` (403): The token lacks the permission the route needs, or names another tenant
            - `not_found` (404): No such route, or no such resource in your tenant
            - `method_not_allowed` (405): The path exists with other methods (listed in the message)
            - `conflict` (409): The resource is not in a state that allows this (duplicate name, job running…)
            - `idempotency_key_in_use` (409): A request with this Idempotency-Key is still running; retry later
            - `payload_too_large` (413): Request body or upload over the configured limit
            - `validation_error` (422): Invalid parameters or body; `details` lists each field
            - `idempotency_key_reused` (422): This Idempotency-Key was used for another request
            - `too_many_values` (422): More distinct values than the exact counter holds
            - `too_many_requests` (429): Rate limit or login throttle; retry after Retry-After seconds
            - `internal_error` (500): A bug; the request_id finds it in the logs
            - `http_error` (500): Any other HTTP-level failure of the framework (its status is the answer)
            - `catalog_error` (502): The Iceberg REST catalog answered with an error
            - `dependency_unavailable` (503): Postgres, Temporal, S3, the catalog or Ray is down; retry after Retry-After
            - `service_unavailable` (503): Object storage is unavailable for an upload; retry after Retry-After
            - `timeout` (504): A job the request waits for did not finish in time (it keeps running)
        message (str):
        details (Any | Unset):
    """

    code: ErrorCode
    message: str
    details: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        message = self.message

        details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = ErrorCode(d.pop("code"))

        message = d.pop("message")

        details = d.pop("details", UNSET)

        error_response_error = cls(
            code=code,
            message=message,
            details=details,
        )

        error_response_error.additional_properties = d
        return error_response_error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
