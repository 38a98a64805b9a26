"""Contains all the data models used in inputs/outputs"""

from .add_files_response import AddFilesResponse
from .assign_user_roles_body_type_0 import AssignUserRolesBodyType0
from .assign_user_roles_body_type_1 import AssignUserRolesBodyType1
from .assign_user_roles_response import AssignUserRolesResponse
from .attach_role_permissions_body_type_0 import AttachRolePermissionsBodyType0
from .attach_role_permissions_body_type_1 import AttachRolePermissionsBodyType1
from .attach_role_permissions_response import AttachRolePermissionsResponse
from .batch_prediction_body import BatchPredictionBody
from .batch_prediction_response import BatchPredictionResponse
from .cancel_job_response import CancelJobResponse
from .cancel_job_response_status import CancelJobResponseStatus
from .column_statistics import ColumnStatistics
from .column_statistics_quantiles import ColumnStatisticsQuantiles
from .column_statistics_top_values_item import ColumnStatisticsTopValuesItem
from .create_permission_body import CreatePermissionBody
from .create_permission_response import CreatePermissionResponse
from .create_retrain_schedule_body import CreateRetrainScheduleBody
from .create_retrain_schedule_body_mode import CreateRetrainScheduleBodyMode
from .create_role_body import CreateRoleBody
from .create_role_response import CreateRoleResponse
from .create_template_body import CreateTemplateBody
from .create_template_body_template_schema_item import (
    CreateTemplateBodyTemplateSchemaItem,
)
from .create_template_body_template_schema_item_data_type import (
    CreateTemplateBodyTemplateSchemaItemDataType,
)
from .create_template_response import CreateTemplateResponse
from .create_training_body import CreateTrainingBody
from .create_training_body_algorithm import CreateTrainingBodyAlgorithm
from .create_training_body_problem_type import CreateTrainingBodyProblemType
from .create_training_response import CreateTrainingResponse
from .create_training_response_problem_type import CreateTrainingResponseProblemType
from .create_training_response_training_status import (
    CreateTrainingResponseTrainingStatus,
)
from .create_upload_session_body import CreateUploadSessionBody
from .create_user_body import CreateUserBody
from .create_user_response import CreateUserResponse
from .dataset_file import DatasetFile
from .dataset_file_status import DatasetFileStatus
from .dataset_summary import DatasetSummary
from .dataset_summary_dataset_usage import DatasetSummaryDatasetUsage
from .dataset_summary_usage import DatasetSummaryUsage
from .delete_alias_response import DeleteAliasResponse
from .delete_api_v1_files_upload_sessions_session_id_response_200 import (
    DeleteApiV1FilesUploadSessionsSessionIdResponse200,
)
from .delete_dataset_response import DeleteDatasetResponse
from .delete_feature_importance_response import DeleteFeatureImportanceResponse
from .delete_file_response import DeleteFileResponse
from .delete_template_response import DeleteTemplateResponse
from .delete_training_response import DeleteTrainingResponse
from .distinct_count_response import DistinctCountResponse
from .download_training_schema_response import DownloadTrainingSchemaResponse
from .download_training_schema_response_schema_item import (
    DownloadTrainingSchemaResponseSchemaItem,
)
from .download_training_schema_response_schema_item_data_type import (
    DownloadTrainingSchemaResponseSchemaItemDataType,
)
from .error_400 import Error400
from .error_400_error import Error400Error
from .error_400_error_code import Error400ErrorCode
from .error_401 import Error401
from .error_401_error import Error401Error
from .error_401_error_code import Error401ErrorCode
from .error_403 import Error403
from .error_403_error import Error403Error
from .error_403_error_code import Error403ErrorCode
from .error_404 import Error404
from .error_404_error import Error404Error
from .error_404_error_code import Error404ErrorCode
from .error_409 import Error409
from .error_409_error import Error409Error
from .error_409_error_code import Error409ErrorCode
from .error_413 import Error413
from .error_413_error import Error413Error
from .error_413_error_code import Error413ErrorCode
from .error_415 import Error415
from .error_415_error import Error415Error
from .error_415_error_code import Error415ErrorCode
from .error_422 import Error422
from .error_422_error import Error422Error
from .error_422_error_code import Error422ErrorCode
from .error_429 import Error429
from .error_429_error import Error429Error
from .error_429_error_code import Error429ErrorCode
from .error_503 import Error503
from .error_503_error import Error503Error
from .error_503_error_code import Error503ErrorCode
from .error_code import ErrorCode
from .error_report import ErrorReport
from .error_report_counts import ErrorReportCounts
from .error_report_examples_item import ErrorReportExamplesItem
from .error_response import ErrorResponse
from .error_response_error import ErrorResponseError
from .explanation import Explanation
from .explanation_output import ExplanationOutput
from .explanation_outputs import ExplanationOutputs
from .explanation_outputs_additional_property import (
    ExplanationOutputsAdditionalProperty,
)
from .explanation_outputs_additional_property_contributions import (
    ExplanationOutputsAdditionalPropertyContributions,
)
from .forecast_body import ForecastBody
from .forecast_body_exogenous_item import ForecastBodyExogenousItem
from .forecast_response import ForecastResponse
from .forecast_response_covariates_item import ForecastResponseCovariatesItem
from .forecast_response_covariates_item_use import ForecastResponseCovariatesItemUse
from .forecast_response_forecast_item import ForecastResponseForecastItem
from .forecast_response_history_item import ForecastResponseHistoryItem
from .form_based_prediction_response import FormBasedPredictionResponse
from .form_based_prediction_response_headers_item import (
    FormBasedPredictionResponseHeadersItem,
)
from .form_based_prediction_response_headers_item_data_type import (
    FormBasedPredictionResponseHeadersItemDataType,
)
from .generate_feature_importance_response import GenerateFeatureImportanceResponse
from .generate_feature_importance_response_status import (
    GenerateFeatureImportanceResponseStatus,
)
from .generate_statistics_response import GenerateStatisticsResponse
from .generate_statistics_response_status import GenerateStatisticsResponseStatus
from .get_all_templates_response import GetAllTemplatesResponse
from .get_api_v1_jobs_kind import GetApiV1JobsKind
from .get_api_v1_jobs_status import GetApiV1JobsStatus
from .get_dataset_by_id_response import GetDatasetByIdResponse
from .get_file_by_id_response import GetFileByIdResponse
from .get_statistics_response import GetStatisticsResponse
from .get_statistics_response_status import GetStatisticsResponseStatus
from .get_template_response import GetTemplateResponse
from .get_training_details_body import GetTrainingDetailsBody
from .get_training_details_body_problem_type import GetTrainingDetailsBodyProblemType
from .get_training_details_response import GetTrainingDetailsResponse
from .get_training_details_response_attributes_item import (
    GetTrainingDetailsResponseAttributesItem,
)
from .get_training_details_response_dataset_schema_item import (
    GetTrainingDetailsResponseDatasetSchemaItem,
)
from .get_training_details_response_dataset_schema_item_data_type import (
    GetTrainingDetailsResponseDatasetSchemaItemDataType,
)
from .get_training_details_response_problem_type import (
    GetTrainingDetailsResponseProblemType,
)
from .get_user_response import GetUserResponse
from .health_check_response import HealthCheckResponse
from .health_check_response_status import HealthCheckResponseStatus
from .job_detail import JobDetail
from .job_progress import JobProgress
from .job_summary import JobSummary
from .job_summary_status import JobSummaryStatus
from .list_alias_events_response import ListAliasEventsResponse
from .list_aliases_response import ListAliasesResponse
from .list_datasets_response import ListDatasetsResponse
from .list_files_response import ListFilesResponse
from .list_jobs_response import ListJobsResponse
from .list_permissions_response import ListPermissionsResponse
from .list_predictions_response import ListPredictionsResponse
from .list_retrain_schedules_response import ListRetrainSchedulesResponse
from .list_roles_response import ListRolesResponse
from .list_training_jobs_response import ListTrainingJobsResponse
from .login_access_token_form import LoginAccessTokenForm
from .login_access_token_response import LoginAccessTokenResponse
from .login_access_token_response_token_type import LoginAccessTokenResponseTokenType
from .logout_response import LogoutResponse
from .me_links import MeLinks
from .me_response import MeResponse
from .model_alias import ModelAlias
from .model_alias_event import ModelAliasEvent
from .model_alias_event_action import ModelAliasEventAction
from .model_summary_response import ModelSummaryResponse
from .model_summary_response_model_summary import ModelSummaryResponseModelSummary
from .model_summary_response_model_summary_backtest_item import (
    ModelSummaryResponseModelSummaryBacktestItem,
)
from .model_summary_response_model_summary_baseline import (
    ModelSummaryResponseModelSummaryBaseline,
)
from .model_summary_response_model_summary_curves import (
    ModelSummaryResponseModelSummaryCurves,
)
from .model_summary_response_model_summary_leaderboard_item import (
    ModelSummaryResponseModelSummaryLeaderboardItem,
)
from .numeric_stats_response import NumericStatsResponse
from .permission_response import PermissionResponse
from .post_api_v1_dataset_upload_body import PostApiV1DatasetUploadBody
from .post_api_v1_dataset_upload_usage import PostApiV1DatasetUploadUsage
from .post_api_v1_files_add_body import PostApiV1FilesAddBody
from .prediction_record import PredictionRecord
from .prediction_record_prediction_type import PredictionRecordPredictionType
from .prediction_record_problem_type import PredictionRecordProblemType
from .prediction_record_status import PredictionRecordStatus
from .prediction_result_response import PredictionResultResponse
from .prediction_result_response_status import PredictionResultResponseStatus
from .read_user_roles_response import ReadUserRolesResponse
from .read_users_response import ReadUsersResponse
from .readiness_response import ReadinessResponse
from .readiness_response_dependencies import ReadinessResponseDependencies
from .readiness_response_dependencies_catalog import (
    ReadinessResponseDependenciesCatalog,
)
from .readiness_response_dependencies_postgres import (
    ReadinessResponseDependenciesPostgres,
)
from .readiness_response_dependencies_ray import ReadinessResponseDependenciesRay
from .readiness_response_dependencies_s3 import ReadinessResponseDependenciesS3
from .readiness_response_dependencies_temporal import (
    ReadinessResponseDependenciesTemporal,
)
from .readiness_response_status import ReadinessResponseStatus
from .realtime_prediction_body import RealtimePredictionBody
from .realtime_prediction_body_features import RealtimePredictionBodyFeatures
from .realtime_prediction_response import RealtimePredictionResponse
from .realtime_prediction_response_probabilities import (
    RealtimePredictionResponseProbabilities,
)
from .refresh_token_response import RefreshTokenResponse
from .refresh_token_response_token_type import RefreshTokenResponseTokenType
from .refresh_training_statuses_response import RefreshTrainingStatusesResponse
from .reset_password_response import ResetPasswordResponse
from .retrain_run import RetrainRun
from .retrain_run_promotion_type_0 import RetrainRunPromotionType0
from .retrain_run_promotion_type_0_decision import RetrainRunPromotionType0Decision
from .retrain_run_status import RetrainRunStatus
from .retrain_schedule import RetrainSchedule
from .retrain_schedule_action_response import RetrainScheduleActionResponse
from .retrain_schedule_detail import RetrainScheduleDetail
from .retrain_schedule_event import RetrainScheduleEvent
from .retrain_schedule_mode import RetrainScheduleMode
from .role_response import RoleResponse
from .set_alias_body import SetAliasBody
from .set_alias_response import SetAliasResponse
from .shap_result_callback_body import ShapResultCallbackBody
from .shap_result_callback_body_result import ShapResultCallbackBodyResult
from .shap_result_callback_response import ShapResultCallbackResponse
from .shap_result_callback_response_status import ShapResultCallbackResponseStatus
from .table_columns_response_item import TableColumnsResponseItem
from .table_metadata_response import TableMetadataResponse
from .template_column import TemplateColumn
from .template_column_data_type import TemplateColumnDataType
from .template_summary import TemplateSummary
from .terminate_ray_job_response import TerminateRayJobResponse
from .terminate_ray_job_response_status import TerminateRayJobResponseStatus
from .test_token_response import TestTokenResponse
from .train_column import TrainColumn
from .train_column_attribute_name import TrainColumnAttributeName
from .train_column_data_type import TrainColumnDataType
from .training_job import TrainingJob
from .training_job_algorithm_type_1 import TrainingJobAlgorithmType1
from .training_job_algorithm_type_2_type_1 import TrainingJobAlgorithmType2Type1
from .training_job_algorithm_type_3_type_1 import TrainingJobAlgorithmType3Type1
from .training_job_ml_model_status import TrainingJobMlModelStatus
from .training_job_problem_type import TrainingJobProblemType
from .training_job_train_status import TrainingJobTrainStatus
from .training_job_training_status import TrainingJobTrainingStatus
from .training_result_callback_body import TrainingResultCallbackBody
from .training_result_callback_body_result import TrainingResultCallbackBodyResult
from .training_result_callback_body_result_metrics_type_0 import (
    TrainingResultCallbackBodyResultMetricsType0,
)
from .training_result_callback_response import TrainingResultCallbackResponse
from .training_result_callback_response_status import (
    TrainingResultCallbackResponseStatus,
)
from .update_model_body import UpdateModelBody
from .update_model_response import UpdateModelResponse
from .update_template_body import UpdateTemplateBody
from .update_template_body_template_schema_item import (
    UpdateTemplateBodyTemplateSchemaItem,
)
from .update_template_body_template_schema_item_data_type import (
    UpdateTemplateBodyTemplateSchemaItemDataType,
)
from .update_template_response import UpdateTemplateResponse
from .upload_dataset_response import UploadDatasetResponse
from .upload_part_url import UploadPartUrl
from .upload_session import UploadSession
from .upload_session_status import UploadSessionStatus
from .uploaded_part import UploadedPart
from .user_response import UserResponse
from .validate_token_response import ValidateTokenResponse
from .validate_token_response_status import ValidateTokenResponseStatus
from .validated_dataset import ValidatedDataset
from .view_dataset_response import ViewDatasetResponse
from .view_dataset_response_preview_item import ViewDatasetResponsePreviewItem
from .view_feature_importance_response import ViewFeatureImportanceResponse
from .view_feature_importance_response_feature_importance_type_0 import (
    ViewFeatureImportanceResponseFeatureImportanceType0,
)
from .view_feature_importance_response_status import ViewFeatureImportanceResponseStatus
from .view_file_response import ViewFileResponse

__all__ = (
    "AddFilesResponse",
    "AssignUserRolesBodyType0",
    "AssignUserRolesBodyType1",
    "AssignUserRolesResponse",
    "AttachRolePermissionsBodyType0",
    "AttachRolePermissionsBodyType1",
    "AttachRolePermissionsResponse",
    "BatchPredictionBody",
    "BatchPredictionResponse",
    "CancelJobResponse",
    "CancelJobResponseStatus",
    "ColumnStatistics",
    "ColumnStatisticsQuantiles",
    "ColumnStatisticsTopValuesItem",
    "CreatePermissionBody",
    "CreatePermissionResponse",
    "CreateRetrainScheduleBody",
    "CreateRetrainScheduleBodyMode",
    "CreateRoleBody",
    "CreateRoleResponse",
    "CreateTemplateBody",
    "CreateTemplateBodyTemplateSchemaItem",
    "CreateTemplateBodyTemplateSchemaItemDataType",
    "CreateTemplateResponse",
    "CreateTrainingBody",
    "CreateTrainingBodyAlgorithm",
    "CreateTrainingBodyProblemType",
    "CreateTrainingResponse",
    "CreateTrainingResponseProblemType",
    "CreateTrainingResponseTrainingStatus",
    "CreateUploadSessionBody",
    "CreateUserBody",
    "CreateUserResponse",
    "DatasetFile",
    "DatasetFileStatus",
    "DatasetSummary",
    "DatasetSummaryDatasetUsage",
    "DatasetSummaryUsage",
    "DeleteAliasResponse",
    "DeleteApiV1FilesUploadSessionsSessionIdResponse200",
    "DeleteDatasetResponse",
    "DeleteFeatureImportanceResponse",
    "DeleteFileResponse",
    "DeleteTemplateResponse",
    "DeleteTrainingResponse",
    "DistinctCountResponse",
    "DownloadTrainingSchemaResponse",
    "DownloadTrainingSchemaResponseSchemaItem",
    "DownloadTrainingSchemaResponseSchemaItemDataType",
    "Error400",
    "Error400Error",
    "Error400ErrorCode",
    "Error401",
    "Error401Error",
    "Error401ErrorCode",
    "Error403",
    "Error403Error",
    "Error403ErrorCode",
    "Error404",
    "Error404Error",
    "Error404ErrorCode",
    "Error409",
    "Error409Error",
    "Error409ErrorCode",
    "Error413",
    "Error413Error",
    "Error413ErrorCode",
    "Error415",
    "Error415Error",
    "Error415ErrorCode",
    "Error422",
    "Error422Error",
    "Error422ErrorCode",
    "Error429",
    "Error429Error",
    "Error429ErrorCode",
    "Error503",
    "Error503Error",
    "Error503ErrorCode",
    "ErrorCode",
    "ErrorReport",
    "ErrorReportCounts",
    "ErrorReportExamplesItem",
    "ErrorResponse",
    "ErrorResponseError",
    "Explanation",
    "ExplanationOutput",
    "ExplanationOutputs",
    "ExplanationOutputsAdditionalProperty",
    "ExplanationOutputsAdditionalPropertyContributions",
    "ForecastBody",
    "ForecastBodyExogenousItem",
    "ForecastResponse",
    "ForecastResponseCovariatesItem",
    "ForecastResponseCovariatesItemUse",
    "ForecastResponseForecastItem",
    "ForecastResponseHistoryItem",
    "FormBasedPredictionResponse",
    "FormBasedPredictionResponseHeadersItem",
    "FormBasedPredictionResponseHeadersItemDataType",
    "GenerateFeatureImportanceResponse",
    "GenerateFeatureImportanceResponseStatus",
    "GenerateStatisticsResponse",
    "GenerateStatisticsResponseStatus",
    "GetAllTemplatesResponse",
    "GetApiV1JobsKind",
    "GetApiV1JobsStatus",
    "GetDatasetByIdResponse",
    "GetFileByIdResponse",
    "GetStatisticsResponse",
    "GetStatisticsResponseStatus",
    "GetTemplateResponse",
    "GetTrainingDetailsBody",
    "GetTrainingDetailsBodyProblemType",
    "GetTrainingDetailsResponse",
    "GetTrainingDetailsResponseAttributesItem",
    "GetTrainingDetailsResponseDatasetSchemaItem",
    "GetTrainingDetailsResponseDatasetSchemaItemDataType",
    "GetTrainingDetailsResponseProblemType",
    "GetUserResponse",
    "HealthCheckResponse",
    "HealthCheckResponseStatus",
    "JobDetail",
    "JobProgress",
    "JobSummary",
    "JobSummaryStatus",
    "ListAliasEventsResponse",
    "ListAliasesResponse",
    "ListDatasetsResponse",
    "ListFilesResponse",
    "ListJobsResponse",
    "ListPermissionsResponse",
    "ListPredictionsResponse",
    "ListRetrainSchedulesResponse",
    "ListRolesResponse",
    "ListTrainingJobsResponse",
    "LoginAccessTokenForm",
    "LoginAccessTokenResponse",
    "LoginAccessTokenResponseTokenType",
    "LogoutResponse",
    "MeLinks",
    "MeResponse",
    "ModelAlias",
    "ModelAliasEvent",
    "ModelAliasEventAction",
    "ModelSummaryResponse",
    "ModelSummaryResponseModelSummary",
    "ModelSummaryResponseModelSummaryBacktestItem",
    "ModelSummaryResponseModelSummaryBaseline",
    "ModelSummaryResponseModelSummaryCurves",
    "ModelSummaryResponseModelSummaryLeaderboardItem",
    "NumericStatsResponse",
    "PermissionResponse",
    "PostApiV1DatasetUploadBody",
    "PostApiV1DatasetUploadUsage",
    "PostApiV1FilesAddBody",
    "PredictionRecord",
    "PredictionRecordPredictionType",
    "PredictionRecordProblemType",
    "PredictionRecordStatus",
    "PredictionResultResponse",
    "PredictionResultResponseStatus",
    "ReadUserRolesResponse",
    "ReadUsersResponse",
    "ReadinessResponse",
    "ReadinessResponseDependencies",
    "ReadinessResponseDependenciesCatalog",
    "ReadinessResponseDependenciesPostgres",
    "ReadinessResponseDependenciesRay",
    "ReadinessResponseDependenciesS3",
    "ReadinessResponseDependenciesTemporal",
    "ReadinessResponseStatus",
    "RealtimePredictionBody",
    "RealtimePredictionBodyFeatures",
    "RealtimePredictionResponse",
    "RealtimePredictionResponseProbabilities",
    "RefreshTokenResponse",
    "RefreshTokenResponseTokenType",
    "RefreshTrainingStatusesResponse",
    "ResetPasswordResponse",
    "RetrainRun",
    "RetrainRunPromotionType0",
    "RetrainRunPromotionType0Decision",
    "RetrainRunStatus",
    "RetrainSchedule",
    "RetrainScheduleActionResponse",
    "RetrainScheduleDetail",
    "RetrainScheduleEvent",
    "RetrainScheduleMode",
    "RoleResponse",
    "SetAliasBody",
    "SetAliasResponse",
    "ShapResultCallbackBody",
    "ShapResultCallbackBodyResult",
    "ShapResultCallbackResponse",
    "ShapResultCallbackResponseStatus",
    "TableColumnsResponseItem",
    "TableMetadataResponse",
    "TemplateColumn",
    "TemplateColumnDataType",
    "TemplateSummary",
    "TerminateRayJobResponse",
    "TerminateRayJobResponseStatus",
    "TestTokenResponse",
    "TrainColumn",
    "TrainColumnAttributeName",
    "TrainColumnDataType",
    "TrainingJob",
    "TrainingJobAlgorithmType1",
    "TrainingJobAlgorithmType2Type1",
    "TrainingJobAlgorithmType3Type1",
    "TrainingJobMlModelStatus",
    "TrainingJobProblemType",
    "TrainingJobTrainStatus",
    "TrainingJobTrainingStatus",
    "TrainingResultCallbackBody",
    "TrainingResultCallbackBodyResult",
    "TrainingResultCallbackBodyResultMetricsType0",
    "TrainingResultCallbackResponse",
    "TrainingResultCallbackResponseStatus",
    "UpdateModelBody",
    "UpdateModelResponse",
    "UpdateTemplateBody",
    "UpdateTemplateBodyTemplateSchemaItem",
    "UpdateTemplateBodyTemplateSchemaItemDataType",
    "UpdateTemplateResponse",
    "UploadDatasetResponse",
    "UploadPartUrl",
    "UploadSession",
    "UploadSessionStatus",
    "UploadedPart",
    "UserResponse",
    "ValidateTokenResponse",
    "ValidateTokenResponseStatus",
    "ValidatedDataset",
    "ViewDatasetResponse",
    "ViewDatasetResponsePreviewItem",
    "ViewFeatureImportanceResponse",
    "ViewFeatureImportanceResponseFeatureImportanceType0",
    "ViewFeatureImportanceResponseStatus",
    "ViewFileResponse",
)
