import { z } from '@hono/zod-openapi';
import { ModelRef } from './aliases.js';
import { IdParam, IntId, Timestamp } from './common.js';
import { MIN_INTERVAL_SECONDS, ScheduleName } from './retrain-schedules.js';

// Drift monitoring (issue 15): a trained version's recent inputs (a dataset, or the sampled real-time 9.1 requests)
// compared with its training snapshot, per feature and for its predictions (ml/dataml_jobs/drift/).

/** When a feature (or the prediction distribution) is flagged: PSI >= psi, or p < p_value with effect >= min_effect. */
export const DriftThresholds = z
  .object({
    psi: z.number().positive().max(10).default(0.2),
    p_value: z.number().positive().max(0.5).default(0.01),
    /** The two-sample test's minimum effect: KS statistic D (numeric), Cramér's V (categorical). */
    min_effect: z.number().min(0).max(1).default(0.1),
    /** Quantile bins of a numeric feature's PSI (from the reference); equal quantiles merge. */
    bins: z.number().int().min(2).max(50).default(10),
  })
  .openapi('DriftThresholds');

/** What a drift check compares; shared by on-demand runs and schedules. */
const DriftCheck = {
  /** The version: a train_id or `<predictor_name>@<alias>` (a schedule resolves an alias at each run). */
  train_id: ModelRef,
  /** A dataset of the tenant (its current snapshot); without it, the sampled real-time requests of the version. */
  dataset_id: IntId.optional(),
  thresholds: DriftThresholds.default({ psi: 0.2, p_value: 0.01, min_effect: 0.1, bins: 10 }),
  /** Rows sampled from each side (the reference and the current data); bounds the run's time on a big table. */
  sample_rows: z.number().int().min(100).max(50_000).default(5000),
  /** Real-time source: the requests sampled in the last window_hours. */
  window_hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .default(168),
};

export const CreateDriftRunBody = z.object(DriftCheck).openapi('CreateDriftRunBody');
export type CreateDriftRunBody = z.infer<typeof CreateDriftRunBody>;

export const DriftSource = z.enum(['dataset', 'realtime']);
export const DriftRunStatus = z.enum(['Submitted', 'Running', 'Completed', 'Failed', 'Cancelled']);

export const DriftRunCreated = z
  .object({ drift_run_id: IntId, workflow_id: z.string(), source: DriftSource, train_id: IntId, status: DriftRunStatus })
  .openapi('DriftRunCreated');

export const DriftRunParams = z.object({
  drift_run_id: IdParam.openapi({ param: { name: 'drift_run_id', in: 'path' }, example: 1 }),
});

const Distribution = z.record(z.string(), z.union([z.number(), z.null()])).openapi({
  description: 'Numeric: mean, std, p10, p50, p90, missing_share. Categorical: share per level (top 20, "__missing__" for missing).',
});

export const DriftComparison = z
  .object({
    kind: z.enum(['numeric', 'categorical']),
    psi: z.number(),
    test: z.enum(['ks', 'chi2']),
    statistic: z.number().nullable(),
    /** KS: D; chi-square: Cramér's V. */
    effect: z.number().nullable(),
    p_value: z.number().nullable(),
    flagged: z.boolean(),
    reference: Distribution,
    current: Distribution,
  })
  .openapi('DriftComparison');

export const DriftFeature = DriftComparison.extend({ feature: z.string(), data_type: z.string() }).openapi('DriftFeature');

export const DriftRunSummary = z
  .object({
    id: IntId,
    train_id: IntId.nullable(),
    model_ref: z.string(),
    source: DriftSource,
    dataset_id: IntId.nullable(),
    schedule_name: z.string().nullable(),
    workflow_id: z.string().nullable(),
    status: DriftRunStatus,
    error: z.string().nullable(),
    /** Null until the run completes. */
    drift_detected: z.boolean().nullable(),
    flagged_features: z.array(z.string()),
    thresholds: DriftThresholds,
    sample_rows: z.number().int(),
    window_hours: z.number().int(),
    created_by: z.string(),
    created_at: Timestamp,
    finished_at: Timestamp.nullable(),
  })
  .openapi('DriftRunSummary');

export const DriftRun = DriftRunSummary.extend({
  features: z.array(DriftFeature),
  /** The model's predictions on both samples: class shares, or value quantiles. */
  prediction: DriftComparison.nullable(),
  reference_rows: z.number().int().nullable(),
  current_rows: z.number().int().nullable(),
  reference_table: z.string().nullable(),
  reference_snapshot_id: z.string().nullable(),
  current_table: z.string().nullable(),
  current_snapshot_id: z.string().nullable(),
}).openapi('DriftRun');

export const ListDriftRunsQuery = z.object({
  train_id: IdParam.optional().openapi({ param: { name: 'train_id', in: 'query' }, example: 19 }),
});
export const ListDriftRunsResponse = z.object({ data: z.array(DriftRunSummary) }).openapi('ListDriftRunsResponse');

// ---- schedules ----

export const DriftScheduleParams = z.object({
  schedule_name: ScheduleName.openapi({ param: { name: 'schedule_name', in: 'path' }, example: 'churn-drift' }),
});

export const CreateDriftScheduleBody = z
  .object({
    name: ScheduleName,
    ...DriftCheck,
    interval_seconds: z
      .number()
      .int()
      .min(MIN_INTERVAL_SECONDS)
      .max(366 * 86_400)
      .optional()
      .openapi({ example: 86_400 }),
    /** A cron expression (UTC), instead of interval_seconds. */
    cron: z.string().min(1).max(200).optional().openapi({ example: '0 4 * * *' }),
    paused: z.boolean().default(false),
  })
  .superRefine((b, ctx) => {
    if ((b.interval_seconds === undefined) === (b.cron === undefined))
      ctx.addIssue({ code: 'custom', path: ['interval_seconds'], message: 'give exactly one of interval_seconds and cron' });
  })
  .openapi('CreateDriftScheduleBody');
export type CreateDriftScheduleBody = z.infer<typeof CreateDriftScheduleBody>;

export const DriftSchedule = z
  .object({
    name: z.string(),
    predictor_name: z.string(),
    model_ref: z.string(),
    dataset_id: IntId.nullable(),
    thresholds: DriftThresholds,
    sample_rows: z.number().int(),
    window_hours: z.number().int(),
    interval_seconds: z.number().int().nullable(),
    cron: z.string().nullable(),
    schedule_id: z.string(),
    /** From Temporal (null when it cannot be asked). */
    paused: z.boolean().nullable(),
    next_run_at: Timestamp.nullable(),
    created_by: z.string(),
    created_at: Timestamp,
  })
  .openapi('DriftSchedule');

export const ListDriftSchedulesResponse = z.object({ data: z.array(DriftSchedule) }).openapi('ListDriftSchedulesResponse');
export const DriftScheduleDetail = DriftSchedule.extend({
  /** Newest first, at most 100. */
  runs: z.array(DriftRunSummary),
}).openapi('DriftScheduleDetail');
export const DriftScheduleActionResponse = z.object({ name: z.string(), message: z.string() }).openapi('DriftScheduleActionResponse');

/** Workflow inputs (workflows/drift.ts). */
export interface DriftWorkflowInput {
  tenantId: string;
  runId: number;
}
export interface ScheduledDriftInput {
  tenantId: string;
  scheduleId: number;
}
