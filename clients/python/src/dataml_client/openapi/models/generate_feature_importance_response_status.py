from enum import StrEnum


class GenerateFeatureImportanceResponseStatus(StrEnum):
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
