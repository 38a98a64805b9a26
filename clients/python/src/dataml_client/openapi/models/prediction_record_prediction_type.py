from enum import StrEnum


class PredictionRecordPredictionType(StrEnum):
    BATCH = "batch"
    FORECAST = "forecast"
    REALTIME = "realtime"

    def __str__(self) -> str:
        return str(self.value)
