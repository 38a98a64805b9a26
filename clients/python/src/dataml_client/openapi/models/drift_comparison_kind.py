from enum import StrEnum


class DriftComparisonKind(StrEnum):
    CATEGORICAL = "categorical"
    NUMERIC = "numeric"

    def __str__(self) -> str:
        return str(self.value)
