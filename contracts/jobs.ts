import { z } from '@hono/zod-openapi';
import { JobStatus, Timestamp } from './common.js';

// Job progress (not in the seed, issue #13): the tenant's job workflows as recorded in the `jobs` table, with the
// live phase of a running one, so that clients show progress without talking to Temporal themselves.

/** Kinds of job workflows (workflows/*.ts `withJobRecord`); listed for filtering, free-form in responses. */
export const JOB_KINDS = [
  'upload_validate',
  'statistics',
  'datalake_column_stats',
  'lake_cleanup',
  'train',
  'shap',
  'batch_predict',
  'lake_probe',
] as const;

/** Workflow ids are the readable ids the API starts jobs with (`train-42`, `upload-validate-7-12`, …). */
const WorkflowId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'a workflow id: letters, digits, ".", "_", ":" and "-"')
  .openapi({ example: 'train-42' });

export const JobIdParams = z.object({
  workflow_id: WorkflowId.openapi({ param: { name: 'workflow_id', in: 'path' } }),
});
export type JobIdParams = z.infer<typeof JobIdParams>;

export const ListJobsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ type: 'integer', example: 50 }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ type: 'integer', example: 0 }),
  kind: z.enum(JOB_KINDS).optional().openapi({ example: 'train' }),
  status: JobStatus.optional(),
  // Named `resource`, not `resource_id`: a filter, not a resource the caller must own (an unknown one lists nothing).
  resource: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Only jobs on this resource (`resource_id`: training id, dataset id, …)', example: '42' }),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuery>;

export const JobSummary = z
  .object({
    workflow_id: z.string(),
    kind: z.string().openapi({ example: 'train' }),
    status: JobStatus,
    resource_id: z.string().nullable().openapi({ description: 'What the job works on: training id, dataset id, prediction id, table…' }),
    message: z.string().nullable().openapi({ description: 'Why it failed or was cancelled' }),
    ray_submission_id: z.string().nullable(),
    started_at: Timestamp,
    ended_at: Timestamp.nullable().openapi({ description: 'Null while the job runs' }),
    duration_seconds: z.number().nonnegative().openapi({ description: 'Until now while the job runs' }),
  })
  .openapi('JobSummary');
export type JobSummary = z.infer<typeof JobSummary>;

export const ListJobsResponse = z
  .object({ total: z.number().int().nonnegative(), limit: z.number().int(), offset: z.number().int(), data: z.array(JobSummary) })
  .openapi('ListJobsResponse');
export type ListJobsResponse = z.infer<typeof ListJobsResponse>;

export const JobProgress = z
  .object({
    phase: z.string().openapi({ example: 'running train' }),
    percent: z.number().min(0).max(100).nullable().openapi({ description: 'Null where the workflow cannot tell' }),
    ray_submission_id: z.string().nullable(),
  })
  .openapi('JobProgress');
export type JobProgress = z.infer<typeof JobProgress>;

export const JobDetail = JobSummary.extend({
  progress: JobProgress.nullable().openapi({
    description: "The running workflow's own progress (its `progress` query); null once it has ended or while it cannot answer",
  }),
  result: z.unknown().optional().openapi({ description: "The job's recorded result summary, once completed" }),
}).openapi('JobDetail');
export type JobDetail = z.infer<typeof JobDetail>;

export const CancelJobResponse = z
  .object({
    workflow_id: z.string(),
    status: JobStatus.openapi({ description: 'The status when cancellation was requested; the job records Cancelled once stopped' }),
    message: z.string(),
  })
  .openapi('CancelJobResponse');
export type CancelJobResponse = z.infer<typeof CancelJobResponse>;
