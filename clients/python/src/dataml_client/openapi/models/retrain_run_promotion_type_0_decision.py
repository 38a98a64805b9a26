from enum import StrEnum


class RetrainRunPromotionType0Decision(StrEnum):
    NOT_REQUESTED = "not_requested"
    PROMOTED = "promoted"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
