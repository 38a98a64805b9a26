from enum import StrEnum


class ForecastResponseCovariatesItemUse(StrEnum):
    FUTURE = "future"
    LAGS = "lags"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
