from enum import StrEnum


class GetApiV1JobsKind(StrEnum):
    BATCH_PREDICT = "batch_predict"
    DATALAKE_COLUMN_STATS = "datalake_column_stats"
    LAKE_CLEANUP = "lake_cleanup"
    LAKE_PROBE = "lake_probe"
    SHAP = "shap"
    STATISTICS = "statistics"
    TRAIN = "train"
    UPLOAD_VALIDATE = "upload_validate"

    def __str__(self) -> str:
        return str(self.value)
