from enum import StrEnum


class LoginAccessTokenResponseTokenType(StrEnum):
    BEARER = "bearer"

    def __str__(self) -> str:
        return str(self.value)
