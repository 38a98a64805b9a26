from enum import StrEnum


class GetTrainingDetailsResponseAttributesItem(StrEnum):
    FEATURE = "Feature"
    ID = "Id"
    IGNORE = "Ignore"
    TARGET = "Target"
    TIME = "Time"

    def __str__(self) -> str:
        return str(self.value)
