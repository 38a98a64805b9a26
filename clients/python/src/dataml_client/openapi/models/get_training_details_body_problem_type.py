from enum import StrEnum


class GetTrainingDetailsBodyProblemType(StrEnum):
    CLASSIFICATION = "Classification"
    FORECAST = "Forecast"
    REGRESSION = "Regression"

    def __str__(self) -> str:
        return str(self.value)
