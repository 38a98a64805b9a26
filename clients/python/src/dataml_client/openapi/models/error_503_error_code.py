from enum import StrEnum


class Error503ErrorCode(StrEnum):
    DEPENDENCY_UNAVAILABLE = "dependency_unavailable"
    SERVICE_UNAVAILABLE = "service_unavailable"

    def __str__(self) -> str:
        return str(self.value)
