from enum import StrEnum


class DatasetSummaryDatasetUsage(StrEnum):
    PREDICTION = "Prediction"
    TRAINING = "Training"

    def __str__(self) -> str:
        return str(self.value)
