from enum import StrEnum


class TerminateRayJobResponseStatus(StrEnum):
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
