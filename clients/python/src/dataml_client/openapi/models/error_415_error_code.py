from enum import StrEnum


class Error415ErrorCode(StrEnum):
    BAD_REQUEST = "bad_request"
    CATALOG_ERROR = "catalog_error"
    CONFLICT = "conflict"
    DEPENDENCY_UNAVAILABLE = "dependency_unavailable"
    FORBIDDEN = "forbidden"
    HTTP_ERROR = "http_error"
    IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL_ERROR = "internal_error"
    INVALID_IDEMPOTENCY_KEY = "invalid_idempotency_key"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    NOT_FOUND = "not_found"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    SERVICE_UNAVAILABLE = "service_unavailable"
    TIMEOUT = "timeout"
    TOO_MANY_REQUESTS = "too_many_requests"
    TOO_MANY_VALUES = "too_many_values"
    UNAUTHORIZED = "unauthorized"
    VALIDATION_ERROR = "validation_error"

    def __str__(self) -> str:
        return str(self.value)
