from enum import StrEnum


class TrainingJobProblemType(StrEnum):
    CLASSIFICATION = "Classification"
    FORECAST = "Forecast"
    REGRESSION = "Regression"

    def __str__(self) -> str:
        return str(self.value)
