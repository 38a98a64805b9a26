import { z } from '@hono/zod-openapi';
import { AliasName } from './aliases.js';
import { IntId, Timestamp } from './common.js';

// Scheduled retraining (issue 15): a Temporal Schedule per (tenant, name) that retrains a predictor on the latest
// data of its dataset, and optionally promotes the new version to an alias when it beats the alias's version.

/** Schedule names: lower-case letter, then letters, digits, `_` or `-` (unique per tenant). */
export const ScheduleName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,62}$/, 'a lower-case letter, then up to 62 lower-case letters, digits, "_" or "-"')
  .openapi({ example: 'nightly-churn' });

export const ScheduleParams = z.object({
  schedule_name: ScheduleName.openapi({ param: { name: 'schedule_name', in: 'path' }, example: 'nightly-churn' }),
});

export const RetrainMode = z.enum(['full', 'incremental']).openapi({ example: 'full' });

/** Shortest interval between runs: a retraining is a Ray job, and runs never overlap (the next one is skipped). */
export const MIN_INTERVAL_SECONDS = 10;

export const CreateScheduleBody = z
  .object({
    name: ScheduleName,
    predictor_name: z.string().min(1).max(255).openapi({ example: 'churn_v1' }),
    /** full: a new version trained from scratch; incremental: continues the newest completed version (XGBoost/LightGBM). */
    mode: RetrainMode.default('full'),
    interval_seconds: z
      .number()
      .int()
      .min(MIN_INTERVAL_SECONDS)
      .max(366 * 86_400)
      .optional()
      .openapi({ example: 86_400 }),
    /** A cron expression (UTC), instead of interval_seconds. */
    cron: z.string().min(1).max(200).optional().openapi({ example: '0 3 * * *' }),
    /** Moves this alias to the new version when its validation metric beats the alias's current version's. */
    promote_alias: AliasName.optional(),
    paused: z.boolean().default(false),
    note: z.string().max(1000).optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.interval_seconds === undefined) === (b.cron === undefined))
      ctx.addIssue({ code: 'custom', path: ['interval_seconds'], message: 'give exactly one of interval_seconds and cron' });
  })
  .openapi('CreateRetrainScheduleBody');
export type CreateScheduleBody = z.infer<typeof CreateScheduleBody>;

export const PromotionDecision = z.enum(['promoted', 'refused', 'not_requested']);

export const RetrainRun = z
  .object({
    id: IntId,
    workflow_id: z.string(),
    /** The training (model version) the run started; null when it could not start one (see error). */
    train_id: IntId.nullable(),
    version: z.number().int().nullable(),
    status: z.enum(['Running', 'Completed', 'Failed']),
    error: z.string().nullable(),
    promotion: z
      .object({
        alias: z.string(),
        decision: PromotionDecision,
        /** The rule applied, in words. */
        rule: z.string(),
        metric: z.string().nullable(),
        new_value: z.number().nullable(),
        current_train_id: IntId.nullable(),
        current_value: z.number().nullable(),
      })
      .nullable(),
    started_at: Timestamp,
    finished_at: Timestamp.nullable(),
  })
  .openapi('RetrainRun');

export const ScheduleEvent = z.object({ action: z.string(), username: z.string(), created_at: Timestamp }).openapi('RetrainScheduleEvent');

export const RetrainSchedule = z
  .object({
    name: z.string(),
    predictor_name: z.string(),
    mode: RetrainMode,
    interval_seconds: z.number().int().nullable(),
    cron: z.string().nullable(),
    promote_alias: z.string().nullable(),
    note: z.string().nullable(),
    /** The Temporal Schedule's id (namespaced by tenant). */
    schedule_id: z.string(),
    /** From Temporal: paused, and when it fires next (null while paused or when Temporal cannot be asked). */
    paused: z.boolean().nullable(),
    next_run_at: Timestamp.nullable(),
    created_by: z.string(),
    created_at: Timestamp,
  })
  .openapi('RetrainSchedule');

export const ListSchedulesResponse = z.object({ data: z.array(RetrainSchedule) }).openapi('ListRetrainSchedulesResponse');

export const ScheduleDetailResponse = RetrainSchedule.extend({
  /** Newest first, at most 100. */
  runs: z.array(RetrainRun),
  /** Who created, paused, resumed, triggered the schedule, and when; newest first. */
  history: z.array(ScheduleEvent),
}).openapi('RetrainScheduleDetail');

export const ScheduleActionResponse = z.object({ name: z.string(), message: z.string() }).openapi('RetrainScheduleActionResponse');

/** What the schedule passes to each run (workflows/scheduled-retrain.ts). */
export interface ScheduledRetrainInput {
  tenantId: string;
  scheduleId: number;
}
