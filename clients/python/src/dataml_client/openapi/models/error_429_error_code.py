from enum import StrEnum


class Error429ErrorCode(StrEnum):
    TOO_MANY_REQUESTS = "too_many_requests"

    def __str__(self) -> str:
        return str(self.value)
