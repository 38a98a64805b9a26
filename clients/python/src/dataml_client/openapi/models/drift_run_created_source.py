from enum import StrEnum


class DriftRunCreatedSource(StrEnum):
    DATASET = "dataset"
    REALTIME = "realtime"

    def __str__(self) -> str:
        return str(self.value)
