// Workflow inputs, results and messages shared by api/ (which starts workflows), activities/
// and workflows/ (which import types only). No I/O here.
import { z } from 'zod';

/** Custom search attributes registered on the Temporal namespace (see scripts/stack/temporal.ts). */
export const SEARCH_ATTRIBUTES = { tenantId: 'DatamlTenantId', resourceId: 'DatamlResourceId', kind: 'DatamlJobKind' } as const;

/** Readable workflow ids, so a person can find any job in the Temporal UI. */
export const workflowIds = {
  lakeProbe: (probeId: string) => `lake-probe-${probeId}`,
  uploadValidate: (datasetId: number, fileId: number) => `upload-validate-${datasetId}-${fileId}`,
  statistics: (datasetId: number, nonce: string) => `statistics-${datasetId}-${nonce}`,
  train: (trainId: number) => `train-${trainId}`,
  shap: (trainId: number, nonce: string) => `shap-${trainId}-${nonce}`,
  batchPredict: (predictionId: number) => `batch-predict-${predictionId}`,
  uploadSessionExpiry: (sessionId: number) => `upload-session-expiry-${sessionId}`,
  /** Temporal ids are global and drift runs are listed per tenant: the tenant is part of the id. */
  drift: (tenantId: string, runId: number) => `drift-${tenantId}-${runId}`,
};

/** Job statuses as users see them (contract 8.3 capitalisation). */
export const JobStatus = z.enum(['Submitted', 'Running', 'Completed', 'Failed', 'Cancelled']);
export type JobStatus = z.infer<typeof JobStatus>;

/** What a Ray job reports to its workflow, as the signal `rayJobResult` (sent by ml/dataml_jobs/common/signal.py). */
export const RayJobResult = z.object({
  submission_id: z.string(),
  status: z.enum(['succeeded', 'failed']),
  result: z.record(z.string(), z.unknown()).optional(),
  error: z.string().optional(),
});
export type RayJobResult = z.infer<typeof RayJobResult>;

/** A Ray job as workflows ask for it: which entrypoint module of ml/dataml_jobs/jobs, with which input. */
export const RayJobSpec = z.object({
  job: z.string().regex(/^[a-z_]+$/),
  input: z.record(z.string(), z.unknown()),
  /** Per-job resources, so a small job does not wait behind a large one. */
  numCpus: z.number().positive().optional(),
});
export type RayJobSpec = z.infer<typeof RayJobSpec>;

// --- the first job: a probe that writes a small Iceberg table through the whole stack ---
export const LakeProbeInput = z.object({
  probeId: z.string().regex(/^[a-z0-9_]{1,40}$/),
  tenantId: z.string().uuid().nullable().default(null),
  rows: z.number().int().min(1).max(100_000),
  /** Test hook: make the Ray job fail ('raise' signals its error, 'crash' dies without signalling). */
  failMode: z.enum(['none', 'raise', 'crash']).default('none'),
  /** Test hook: seconds the job sleeps before writing, to leave time for kills and cancels. */
  sleepSeconds: z.number().min(0).max(600).default(0),
  /** Test hook: megabytes the job allocates (and holds) before writing, to exceed its memory limit. */
  allocateMb: z.number().int().min(0).max(8192).default(0),
});
export type LakeProbeInput = z.infer<typeof LakeProbeInput>;

export const LakeProbeResult = z.object({
  table: z.string(),
  // Iceberg snapshot ids are 64-bit: carried as decimal strings, never as lossy JSON numbers.
  snapshot_id: z.string().regex(/^-?\d+$/),
  rows: z.number(),
  sum: z.number(),
  ray_submission_id: z.string(),
});
export type LakeProbeResult = z.infer<typeof LakeProbeResult>;
