from enum import StrEnum


class HealthCheckResponseStatus(StrEnum):
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
