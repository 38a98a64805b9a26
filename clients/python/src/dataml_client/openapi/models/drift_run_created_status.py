from enum import StrEnum


class DriftRunCreatedStatus(StrEnum):
    CANCELLED = "Cancelled"
    COMPLETED = "Completed"
    FAILED = "Failed"
    RUNNING = "Running"
    SUBMITTED = "Submitted"

    def __str__(self) -> str:
        return str(self.value)
