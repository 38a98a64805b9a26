from enum import StrEnum


class GenerateStatisticsResponseStatus(StrEnum):
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
