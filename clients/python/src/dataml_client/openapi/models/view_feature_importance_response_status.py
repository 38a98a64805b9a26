from enum import StrEnum


class ViewFeatureImportanceResponseStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    FAILED = "failed"
    RUNNING = "running"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
