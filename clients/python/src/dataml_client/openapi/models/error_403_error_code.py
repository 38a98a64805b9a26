from enum import StrEnum


class Error403ErrorCode(StrEnum):
    FORBIDDEN = "forbidden"

    def __str__(self) -> str:
        return str(self.value)
