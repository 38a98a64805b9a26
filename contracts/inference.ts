import { z } from '@hono/zod-openapi';
import { ListPageQuery, PageFields } from './paging.js';
import { ModelRef, ModelRefParam } from './aliases.js';
import { CellValue, IdParam, IntId, JobStatusLower, Timestamp } from './common.js';
import { ProblemType } from './train.js';
import { TemplateDataType } from './templates.js';

const FeatureValues = z.record(z.string(), CellValue);

// 9.1 Real-time Prediction
export const RealtimePredictionBody = z
  .object({
    // A train_id, or `<predictor_name>@<alias>` (contracts/aliases.ts): also in 9.2, 9.3 and 9.4.
    train_id: ModelRef,
    preprocess_id: IntId,
    features: FeatureValues.openapi({ example: { Account_No: 1434355, Base_Offer_Name: 'B00010' } }),
    target: z.string().min(1).openapi({ example: 'Churn' }),
    // Not in the seed: per-row feature contributions in the response (`explanation`).
    explain: z.boolean().optional().openapi({ description: 'Also return the feature contributions of this prediction.' }),
  })
  .openapi('RealtimePredictionBody');
export type RealtimePredictionBody = z.infer<typeof RealtimePredictionBody>;

const ExplainedOutput = z.object({
  base_value: z.number(),
  contributions: z.record(z.string(), z.number()).openapi({ description: 'Original input column -> its contribution.' }),
  raw_output: z.number().openapi({ description: 'base_value + the sum of the contributions: the model output explained.' }),
});

// What the contributions add up to: the model's raw output before its link (docs/inference.md#explanations).
export const Explanation = z
  .object({
    output: z.enum(['log_odds', 'softmax_score', 'probability', 'value']),
    calibrated: z.boolean().openapi({ description: 'The probabilities are a calibration of the output explained (auto).' }),
    outputs: z
      .record(z.string(), ExplainedOutput)
      .openapi({ description: 'Per explained output: the positive class (binary), every class (multiclass), or "prediction".' }),
  })
  .openapi('Explanation');
export type Explanation = z.infer<typeof Explanation>;

// Adds `probabilities` (class -> probability) for classification models, and `explanation` when asked for.
export const RealtimePredictionResponse = z
  .object({
    prediction: z.union([z.string(), z.number(), z.boolean()]),
    accuracy: z.number().nullable(),
    probabilities: z.record(z.string(), z.number()).optional(),
    explanation: Explanation.optional(),
  })
  .openapi('RealtimePredictionResponse');
export type RealtimePredictionResponse = z.infer<typeof RealtimePredictionResponse>;

// 9.2 Batch Prediction
export const BatchPredictionBody = z
  .object({
    train_id: ModelRef,
    dataset_id: IntId,
    // Not in the seed: adds `contribution_*` columns to the result (docs/inference.md#explanations).
    explain: z.boolean().optional().openapi({ description: "Also write each row's feature contributions." }),
  })
  .openapi('BatchPredictionBody');
export type BatchPredictionBody = z.infer<typeof BatchPredictionBody>;

// Adds `prediction_id`, the id 9.5 polls (Discrepancy 12).
export const BatchPredictionResponse = z
  .object({ message: z.string(), status_code: z.number().int().openapi({ example: 202 }), prediction_id: IntId })
  .openapi('BatchPredictionResponse');
export type BatchPredictionResponse = z.infer<typeof BatchPredictionResponse>;

// 9.3 Get Form for Prediction (query parameter `id` is the training job id, Discrepancy 6)
export const FormBasedPredictionQuery = z.object({
  id: ModelRefParam.openapi({ param: { name: 'id', in: 'query' }, example: 19 }),
});
export type FormBasedPredictionQuery = z.infer<typeof FormBasedPredictionQuery>;

export const FormBasedPredictionResponse = z
  .object({
    id: IntId,
    headers: z.array(z.object({ column_name: z.string(), data_type: TemplateDataType, default_value: z.string().nullable() })),
    target: z.string(),
    preprocess_id: IntId,
  })
  .openapi('FormBasedPredictionResponse');
export type FormBasedPredictionResponse = z.infer<typeof FormBasedPredictionResponse>;

// 9.4 Generate Forecast — adds optional `exogenous`: future values of exogenous columns, one object per step.
export const ForecastBody = z
  .object({
    train_id: ModelRef,
    preprocess_id: IntId,
    // Upper bound is ours, to keep a single request bounded.
    steps: z.number().int().positive().max(10_000).openapi({ example: 4 }),
    frequency: z.string().trim().min(1).openapi({ example: 'Week' }),
    unique_id: z.string().min(1).openapi({ example: 'CUST_0001' }),
    dataset_id: IntId.optional(),
    exogenous: z.array(FeatureValues).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.exogenous !== undefined && body.exogenous.length !== body.steps)
      ctx.addIssue({
        code: 'custom',
        path: ['exogenous'],
        message: `exogenous must have one entry per step (${body.steps}), got ${body.exogenous.length}`,
      });
  })
  .openapi('ForecastBody');
export type ForecastBody = z.infer<typeof ForecastBody>;

export const ForecastResponse = z
  .object({
    forecast: z.array(
      z.object({
        date: z.string().openapi({ example: '2025-10-05' }),
        value: z.number(),
        // The level of the prediction interval (0.95); `lower` / `upper` (not in the seed) are its bounds.
        confidence: z.number().nullable(),
        lower: z.number().nullable().optional(),
        upper: z.number().nullable().optional(),
      }),
    ),
    // Not in the seed: how the model that answered used each covariate (numeric feature) of its training data:
    // `future` its values given in `exogenous`, `lags` its past values only, `none` not at all.
    covariates: z
      .array(z.object({ name: z.string(), use: z.enum(['future', 'lags', 'none']) }))
      .optional()
      .openapi({ example: [{ name: 'promo', use: 'lags' }] }),
    // Not in the seed: the series' last observed points before the forecast (up to 60, at least 3 × steps), so
    // that a chart shows the forecast after the data it continues. `value` is null where the target was missing.
    history: z
      .array(z.object({ date: z.string(), value: z.number().nullable() }))
      .optional()
      .openapi({ example: [{ date: '2025-09-28', value: 118.5 }] }),
  })
  .openapi('ForecastResponse');
export type ForecastResponse = z.infer<typeof ForecastResponse>;

// 9.5 Get Batch Prediction Results (paths/ids are null until the job has completed)
export const PredictionResultQuery = z.object({
  prediction_id: IdParam.openapi({ param: { name: 'prediction_id', in: 'query' }, example: 123 }),
});
export type PredictionResultQuery = z.infer<typeof PredictionResultQuery>;

export const PredictionResultResponse = z
  .object({
    status: JobStatusLower,
    result_path: z.string().nullable(),
    file_id: IntId.nullable(),
    dataset_id: IntId,
    // Not in the seed: the rows predicted, the gold Iceberg table, where to download the CSV, a failure's reason.
    no_of_records: z.number().int().nonnegative().nullable().optional(),
    output_table: z.string().nullable().optional(),
    download_path: z.string().nullable().optional(),
    error: z.string().nullable().optional(),
  })
  .openapi('PredictionResultResponse');
export type PredictionResultResponse = z.infer<typeof PredictionResultResponse>;

// 9.6 List Predictions
export const ListPredictionsQuery = ListPageQuery.extend({
  train_id: IdParam.openapi({ param: { name: 'train_id', in: 'query' }, example: 19 }),
});
export type ListPredictionsQuery = z.infer<typeof ListPredictionsQuery>;

export const PredictionRecord = z
  .object({
    prediction_id: IntId,
    train_id: IntId,
    date: Timestamp,
    dataset_id: IntId.nullable(),
    predictor_name: z.string(),
    prediction_type: z.enum(['realtime', 'batch', 'forecast']),
    input_data: z.string().openapi({ example: 'dataset_id:21' }),
    status: JobStatusLower,
    no_of_records: z.number().int().nonnegative().nullable(),
    accuracy: z.number().nullable(),
    problem_type: ProblemType,
    domain_name: z.string(),
    // Not in the seed: traceability (model version, preprocess record, training data snapshot) and the result.
    model_version: z.number().int().positive().optional(),
    preprocess_id: IntId.nullable().optional(),
    train_snapshot_id: z.string().nullable().optional(),
    serving: z.string().nullable().optional(),
    result_path: z.string().nullable().optional(),
  })
  .openapi('PredictionRecord');
export type PredictionRecord = z.infer<typeof PredictionRecord>;

export const ListPredictionsResponse = z
  .object({ data: z.array(PredictionRecord), total: z.number().int().nonnegative().optional(), ...PageFields })
  .openapi('ListPredictionsResponse');
export type ListPredictionsResponse = z.infer<typeof ListPredictionsResponse>;
