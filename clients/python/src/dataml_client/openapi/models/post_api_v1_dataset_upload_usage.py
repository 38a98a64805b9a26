from enum import StrEnum


class PostApiV1DatasetUploadUsage(StrEnum):
    P = "p"
    T = "t"

    def __str__(self) -> str:
        return str(self.value)
