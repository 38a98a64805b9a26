from enum import StrEnum


class TrainingJobAlgorithmType3Type1(StrEnum):
    ARIMA = "arima"
    AUTO = "auto"
    ENSEMBLE = "ensemble"
    ETS = "ets"
    EXTRA_TREES = "extra_trees"
    GAM = "gam"
    LIGHTGBM = "lightgbm"
    LINEAR = "linear"
    RANDOM_FOREST = "random_forest"
    XGBOOST = "xgboost"

    def __str__(self) -> str:
        return str(self.value)
