import { z } from '@hono/zod-openapi';
import { PageFields } from './paging.js';
import {
  IdParam,
  IntId,
  JobStatus,
  JobStatusLower,
  Name,
  StatusCodeMessageResponse,
  SuccessMessageResponse,
  TenantId,
  Timestamp,
} from './common.js';
import { TemplateDataType } from './templates.js';

export const ProblemType = z.enum(['Classification', 'Regression', 'Forecast']);
export type ProblemType = z.infer<typeof ProblemType>;

/** Role of a column in training; `Time` only for Forecast. Columns not listed are Features. */
export const ColumnAttribute = z.enum(['Id', 'Target', 'Feature', 'Time', 'Ignore']);
export type ColumnAttribute = z.infer<typeof ColumnAttribute>;

// ets / arima (statsforecast AutoETS / AutoARIMA) are for Forecast only; random_forest / extra_trees / linear / gam (a
// generalized additive model: a spline curve per numeric feature) for the tabular types.
const ALGORITHMS = ['auto', 'xgboost', 'lightgbm', 'random_forest', 'linear', 'ets', 'arima', 'extra_trees', 'gam'] as const;

// Which algorithms each problem type accepts: in a module without zod, so the web console bundles it too.
export { ALGORITHMS_BY_PROBLEM } from './train-algorithms.js';

/** Template types a Target may have, per problem type. */
export const TARGET_TYPES = {
  Classification: ['String', 'Integer', 'Boolean'],
  Regression: ['Integer', 'Float'],
  Forecast: ['Integer', 'Float'],
} as const;

// Case-insensitive, so the seed's "XGBoost" (8.3) and e.g. "LightGBM"/"Random_Forest" map to the canonical
// lower-case name; "random forest"/"random-forest" are accepted too.
const canonicalAlgorithm = (v: unknown) =>
  typeof v === 'string'
    ? v
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
    : v;
export const Algorithm = z.preprocess(canonicalAlgorithm, z.enum(ALGORITHMS)).openapi({ example: 'xgboost' });
export type Algorithm = z.infer<typeof Algorithm>;
// What a training reports it chose: an algorithm, or, for `auto`, `ensemble` (a weighted blend of the best
// configuration of several families, ml/dataml_jobs/training/ensemble.py), which cannot be requested.
const ChosenAlgorithm = z.preprocess(canonicalAlgorithm, z.enum([...ALGORITHMS, 'ensemble'])).openapi({ example: 'xgboost' });

const TrainIdQueryField = IdParam.openapi({ param: { name: 'train_id', in: 'query' }, example: 19 });
const ColumnSpec = z.object({ column_name: z.string(), data_type: TemplateDataType });

// 8.1 Create Training Job
export const TrainColumn = z
  .object({
    column_name: z.string().trim().min(1).max(255),
    data_type: TemplateDataType,
    attribute_name: ColumnAttribute,
  })
  .openapi('TrainColumn');
export type TrainColumn = z.infer<typeof TrainColumn>;

export const CreateTrainingBody = z
  .object({
    dataset_id: IntId,
    predictor_name: Name.openapi({ example: 'churn_v1' }),
    domain: z.string().trim().min(1).max(100).openapi({ example: 'Churn' }),
    problem_type: ProblemType,
    columns: z.array(TrainColumn).min(1),
    is_incremental: z.boolean().default(false),
    algorithm: Algorithm.default('auto'),
    shap_enabled: z.boolean().default(false),
    // Not in the seed (all optional): the random seed (default 42), auto's time budget, and the forecast horizon.
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    time_budget_seconds: z.number().min(1).max(86_400).optional(),
    // `auto` on Classification / Regression only: search exactly this many configurations (then the same data,
    // seed and max_trials give the same model) instead of as many as the time budget allows.
    max_trials: z.number().int().min(1).max(10_000).optional(),
    forecast_horizon: z.number().int().min(1).max(10_000).optional(),
  })
  // The seed leaves column roles unchecked; rejected here before any compute starts.
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.columns.forEach((c, i) => {
      const key = c.column_name.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'column_name'], message: `duplicate column "${c.column_name}"` });
      seen.add(key);
    });
    const count = (a: ColumnAttribute) => body.columns.filter((c) => c.attribute_name === a).length;
    if (count('Target') !== 1)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'exactly one column must have attribute_name "Target"' });
    if (count('Id') > 1) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'at most one column may have attribute_name "Id"' });
    const times = count('Time');
    if (body.problem_type === 'Forecast' && times !== 1)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'Forecast needs exactly one column with attribute_name "Time"' });
    if (body.problem_type !== 'Forecast' && times > 0)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: '"Time" columns are only allowed for Forecast' });
  })
  .openapi('CreateTrainingBody');
export type CreateTrainingBody = z.infer<typeof CreateTrainingBody>;

// Adds `workflow_id`; training_status uses the status vocabulary (the seed's "submitted_to_ray" is "Submitted").
export const CreateTrainingResponse = z
  .object({
    id: IntId,
    tenant_id: TenantId,
    predictor_name: z.string(),
    problem_type: ProblemType,
    created_by: z.string(),
    dataset_id: IntId,
    created_at: Timestamp,
    modified_at: Timestamp,
    training_status: JobStatus,
    workflow_id: z.string(),
  })
  .openapi('CreateTrainingResponse');
export type CreateTrainingResponse = z.infer<typeof CreateTrainingResponse>;

// 8.2 Get Details for Training
export const GetTrainingDetailsBody = z
  .object({
    dataset_id: IntId,
    predictor_name: Name.openapi({ example: 'churn_v1' }),
    domain: z.string().trim().min(1).max(100),
    problem_type: ProblemType,
  })
  .openapi('GetTrainingDetailsBody');
export type GetTrainingDetailsBody = z.infer<typeof GetTrainingDetailsBody>;

export const GetTrainingDetailsResponse = z
  .object({
    dataset_id: IntId,
    predictor_name: z.string(),
    domain: z.string(),
    problem_type: ProblemType,
    dataset_schema: z.array(ColumnSpec),
    attributes: z.array(ColumnAttribute),
  })
  .openapi('GetTrainingDetailsResponse');
export type GetTrainingDetailsResponse = z.infer<typeof GetTrainingDetailsResponse>;

// 8.3 List Training Jobs / 8.4 Refresh Training Statuses (three status fields, as in the seed)
export const TrainingJob = z
  .object({
    tenant_id: TenantId,
    predictor_name: z.string(),
    preprocess_id: IntId.nullable(),
    problem_type: ProblemType,
    domain: z.string(),
    created_by: z.string(),
    id: IntId,
    dataset_id: IntId,
    dataset_name: z.string(),
    data_source: z.string(),
    created_at: Timestamp,
    modified_at: Timestamp,
    algorithm: ChosenAlgorithm.nullable(),
    accuracy: z.number().nullable(),
    ml_model_status: JobStatusLower,
    train_status: JobStatusLower,
    training_status: JobStatus,
    // Not in the seed: what 12.1 needs (ray_job_id), the model version and its lineage, and a failure's reason.
    ray_job_id: z.string().nullable().optional(),
    workflow_id: z.string().optional(),
    version: z.number().int().positive().optional(),
    parent_id: IntId.nullable().optional(),
    error: z.string().nullable().optional(),
  })
  .openapi('TrainingJob');
export type TrainingJob = z.infer<typeof TrainingJob>;

export const ListTrainingJobsResponse = z
  .object({ total: z.number().int().nonnegative(), data: z.array(TrainingJob), ...PageFields })
  .openapi('ListTrainingJobsResponse');
export type ListTrainingJobsResponse = z.infer<typeof ListTrainingJobsResponse>;

export const RefreshTrainingStatusesResponse = ListTrainingJobsResponse.openapi('RefreshTrainingStatusesResponse');
export type RefreshTrainingStatusesResponse = z.infer<typeof RefreshTrainingStatusesResponse>;

// 8.5 Delete Training Job (path parameter is `id`, Discrepancy 6)
export const DeleteTrainingParams = z.object({
  id: IdParam.openapi({ param: { name: 'id', in: 'path' }, example: 5001 }),
});
export type DeleteTrainingParams = z.infer<typeof DeleteTrainingParams>;

export const DeleteTrainingResponse = StatusCodeMessageResponse.openapi('DeleteTrainingResponse');
export type DeleteTrainingResponse = z.infer<typeof DeleteTrainingResponse>;

// 8.6 Update Model
export const UpdateModelBody = z.object({ train_id: IntId, preprocess_id: IntId }).openapi('UpdateModelBody');
export type UpdateModelBody = z.infer<typeof UpdateModelBody>;

export const UpdateModelResponse = z
  .object({ data: z.string(), status_code: z.number().int(), message: z.string() })
  .openapi('UpdateModelResponse');
export type UpdateModelResponse = z.infer<typeof UpdateModelResponse>;

// 8.7 Training Result Callback (body as in the seed; `result` keeps unknown keys)
export const TrainingResultCallbackBody = z
  .object({
    result: z.looseObject({
      metrics: z.record(z.string(), z.unknown()).nullable().optional(),
      checkpoint: z.string().nullable().optional(),
      error: z.string().nullable().optional(),
      path: z.string().nullable().optional(),
    }),
    train_id: IntId.optional(),
    // String in the seed (Discrepancy 7); an integer id is accepted too.
    preprocess_id: z.union([z.string(), z.number().int()]).optional(),
  })
  .openapi('TrainingResultCallbackBody');
export type TrainingResultCallbackBody = z.infer<typeof TrainingResultCallbackBody>;

export const TrainingResultCallbackResponse = SuccessMessageResponse.openapi('TrainingResultCallbackResponse');
export type TrainingResultCallbackResponse = z.infer<typeof TrainingResultCallbackResponse>;

// 8.8 Download Training Schema / 8.12 Delete Feature Importance
export const TrainIdParams = z.object({
  train_id: IdParam.openapi({ param: { name: 'train_id', in: 'path' }, example: 19 }),
});
export type TrainIdParams = z.infer<typeof TrainIdParams>;

export const DownloadTrainingSchemaResponse = z.object({ schema: z.array(ColumnSpec) }).openapi('DownloadTrainingSchemaResponse');
export type DownloadTrainingSchemaResponse = z.infer<typeof DownloadTrainingSchemaResponse>;

// 8.9 View Feature Importance / 8.10 Generate / 10.5 Model Summary
export const TrainIdQuery = z.object({ train_id: TrainIdQueryField });
export type TrainIdQuery = z.infer<typeof TrainIdQuery>;

export const ViewFeatureImportanceResponse = z
  .object({
    feature_importance: z.record(z.string(), z.number()).nullable(),
    status: JobStatusLower,
  })
  .openapi('ViewFeatureImportanceResponse');
export type ViewFeatureImportanceResponse = z.infer<typeof ViewFeatureImportanceResponse>;

export const GenerateFeatureImportanceResponse = z
  .object({
    status: z.literal('success'),
    message: z.string(),
    shap_job_id: z.string().openapi({ example: 'shap-job-67890' }),
  })
  .openapi('GenerateFeatureImportanceResponse');
export type GenerateFeatureImportanceResponse = z.infer<typeof GenerateFeatureImportanceResponse>;

// 8.11 SHAP Result Callback (`training_id`, not `train_id`, as in the seed — Discrepancy 5)
export const ShapResultCallbackBody = z
  .object({ training_id: IntId, result: z.record(z.string(), z.number()) })
  .openapi('ShapResultCallbackBody');
export type ShapResultCallbackBody = z.infer<typeof ShapResultCallbackBody>;

export const ShapResultCallbackResponse = SuccessMessageResponse.openapi('ShapResultCallbackResponse');
export type ShapResultCallbackResponse = z.infer<typeof ShapResultCallbackResponse>;

export const DeleteFeatureImportanceResponse = StatusCodeMessageResponse.openapi('DeleteFeatureImportanceResponse');
export type DeleteFeatureImportanceResponse = z.infer<typeof DeleteFeatureImportanceResponse>;

// 10.5 Get Model Summary (classification metrics in the seed; regression/forecast metrics added, all optional)
const Metric = z.number().nullable().optional();
export const ModelSummaryResponse = z
  .object({
    model_summary: z.object({
      model: z.string(),
      accuracy: Metric,
      precision: Metric,
      recall: Metric,
      f1_score: Metric,
      rmse: Metric,
      mae: Metric,
      r2: Metric,
      mape: Metric,
      // Not in the seed: ROC AUC (classification), MASE and sMAPE (forecast), the headline metric and the baseline.
      roc_auc: Metric,
      mase: Metric,
      smape: Metric,
      headline_metric: z.string().optional(),
      baseline: z.record(z.string(), z.unknown()).optional(),
      leaderboard: z.array(z.record(z.string(), z.unknown())).optional(),
      // Not in the seed: the hold-out evaluation's points for charts (Classification: roc, pr, calibration;
      // Regression: residuals); see docs/training.md.
      curves: z.record(z.string(), z.unknown()).optional(),
      // Not in the seed (Classification): the classes in the order of confusion_matrix's rows and columns.
      class_labels: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
      // Forecast (not in the seed): the chosen model's rolling-origin backtest, one row per window (oldest first;
      // mase and smape above are their means), and the share of backtest points inside its 80 % / 95 % intervals.
      backtest: z.array(z.record(z.string(), z.unknown())).optional(),
      coverage_80: z.number().nullable().optional(),
      coverage_95: z.number().nullable().optional(),
    }),
    confusion_matrix: z.array(z.array(z.number().int().nonnegative())).nullable(),
  })
  .openapi('ModelSummaryResponse');
export type ModelSummaryResponse = z.infer<typeof ModelSummaryResponse>;
