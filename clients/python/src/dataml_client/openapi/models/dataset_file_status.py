from enum import StrEnum


class DatasetFileStatus(StrEnum):
    FAILED = "failed"
    INVALID = "invalid"
    UPLOADED = "uploaded"
    VALID = "valid"
    VALIDATING = "validating"

    def __str__(self) -> str:
        return str(self.value)
