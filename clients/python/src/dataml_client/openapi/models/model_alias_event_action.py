from enum import StrEnum


class ModelAliasEventAction(StrEnum):
    DELETE = "delete"
    MOVE = "move"
    SET = "set"

    def __str__(self) -> str:
        return str(self.value)
