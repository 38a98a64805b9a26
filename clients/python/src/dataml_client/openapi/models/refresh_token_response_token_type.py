from enum import StrEnum


class RefreshTokenResponseTokenType(StrEnum):
    BEARER = "bearer"

    def __str__(self) -> str:
        return str(self.value)
