from enum import StrEnum


class Error422ErrorCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    TOO_MANY_VALUES = "too_many_values"
    VALIDATION_ERROR = "validation_error"

    def __str__(self) -> str:
        return str(self.value)
