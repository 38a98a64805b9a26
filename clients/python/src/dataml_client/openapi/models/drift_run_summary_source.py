from enum import StrEnum


class DriftRunSummarySource(StrEnum):
    DATASET = "dataset"
    REALTIME = "realtime"

    def __str__(self) -> str:
        return str(self.value)
