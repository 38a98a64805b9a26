from enum import StrEnum


class UpdateWebhookBodyEventsItem(StrEnum):
    DRIFT_DETECTED = "drift.detected"
    PREDICTION_COMPLETED = "prediction.completed"
    TRAINING_COMPLETED = "training.completed"
    TRAINING_FAILED = "training.failed"
    UPLOAD_FAILED = "upload.failed"
    UPLOAD_VALIDATED = "upload.validated"

    def __str__(self) -> str:
        return str(self.value)
