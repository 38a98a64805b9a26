from enum import StrEnum


class TrainingResultCallbackResponseStatus(StrEnum):
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
