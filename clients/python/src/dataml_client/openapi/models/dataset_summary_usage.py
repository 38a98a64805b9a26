from enum import StrEnum


class DatasetSummaryUsage(StrEnum):
    P = "p"
    T = "t"

    def __str__(self) -> str:
        return str(self.value)
