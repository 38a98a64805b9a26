from enum import StrEnum


class ExplanationOutput(StrEnum):
    LOG_ODDS = "log_odds"
    PROBABILITY = "probability"
    SOFTMAX_SCORE = "softmax_score"
    VALUE = "value"

    def __str__(self) -> str:
        return str(self.value)
