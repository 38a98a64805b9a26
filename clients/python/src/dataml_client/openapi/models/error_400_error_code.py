from enum import StrEnum


class Error400ErrorCode(StrEnum):
    BAD_REQUEST = "bad_request"
    INVALID_IDEMPOTENCY_KEY = "invalid_idempotency_key"

    def __str__(self) -> str:
        return str(self.value)
