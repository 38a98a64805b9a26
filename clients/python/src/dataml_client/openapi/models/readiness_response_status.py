from enum import StrEnum


class ReadinessResponseStatus(StrEnum):
    DEGRADED = "degraded"
    READY = "ready"

    def __str__(self) -> str:
        return str(self.value)
