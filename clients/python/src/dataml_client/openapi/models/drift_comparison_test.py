from enum import StrEnum


class DriftComparisonTest(StrEnum):
    CHI2 = "chi2"
    KS = "ks"

    def __str__(self) -> str:
        return str(self.value)
