from enum import StrEnum


class RetrainRunStatus(StrEnum):
    COMPLETED = "Completed"
    FAILED = "Failed"
    RUNNING = "Running"

    def __str__(self) -> str:
        return str(self.value)
