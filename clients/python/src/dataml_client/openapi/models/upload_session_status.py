from enum import StrEnum


class UploadSessionStatus(StrEnum):
    ABORTED = "aborted"
    COMPLETED = "completed"
    COMPLETING = "completing"
    EXPIRED = "expired"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
