from enum import StrEnum


class ShapResultCallbackResponseStatus(StrEnum):
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
