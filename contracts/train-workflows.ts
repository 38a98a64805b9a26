// Inputs and results of the training module's workflows and Ray jobs (issue 5). No I/O; workflows import types only.
import { z } from 'zod';

/** What the train Ray job (ml/dataml_jobs/jobs/train.py) gets. */
export const TrainJobInput = z.object({
  trainId: z.number().int().positive(),
  tenantId: z.string(),
  version: z.number().int().positive(),
  /** Iceberg identifier `silver.<table>`. */
  table: z.string(),
  /** A pinned snapshot (retrain of the same inputs); absent = the current one, checked against fileSnapshotIds. */
  snapshotId: z
    .string()
    .regex(/^-?\d+$/)
    .optional(),
  fileSnapshotIds: z.array(z.string()),
  templateVersion: z.number().int().nullable(),
  template: z.array(
    z.object({ column_name: z.string(), data_type: z.string(), default_value: z.string().nullable(), nullable: z.boolean() }),
  ),
  problemType: z.enum(['Classification', 'Regression', 'Forecast']),
  algorithm: z.string(),
  columns: z.array(z.object({ column_name: z.string(), data_type: z.string(), attribute_name: z.string() })),
  seed: z.number().int(),
  timeBudgetSeconds: z.number().positive().optional(),
  /** `auto`: a search of exactly this many trials (reproducible). */
  maxTrials: z.number().int().positive().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  forecast: z.record(z.string(), z.unknown()).optional(),
  /** `tenants/<tenant>/models/<train_id>/v<version>` */
  artifactPrefix: z.string(),
  /** For external engines only: the secret the 8.7 callback needs (our jobs signal the workflow directly). */
  callbackSecret: z.string().optional(),
  /** Incremental training: the parent version's artifact and the snapshot it was trained on. */
  parent: z.object({ trainId: z.number().int(), modelKey: z.string(), snapshotId: z.string() }).optional(),
});
export type TrainJobInput = z.infer<typeof TrainJobInput>;

export const TrainWorkflowInput = z.object({
  trainingId: z.number().int().positive(),
  tenantId: z.string(),
  shapEnabled: z.boolean(),
  job: TrainJobInput,
});
export type TrainWorkflowInput = z.infer<typeof TrainWorkflowInput>;

/** What the train job signals back (see ml/dataml_jobs/jobs/train.py). */
export interface TrainJobResult {
  algorithm: string;
  model_class: string;
  metrics: Record<string, unknown> & { headline?: number | null };
  baseline: Record<string, unknown>;
  leaderboard: Array<Record<string, unknown>>;
  preprocess: Record<string, unknown>;
  artifact: Record<string, unknown> & { model_key: string };
  library_versions: Record<string, string>;
  snapshot_id: string;
  features: Array<Record<string, unknown>>;
  class_labels: unknown[];
  rows: Record<string, number>;
  seed: number;
  config: Record<string, unknown>;
  duration_seconds: number;
  /** Seconds per phase of the job (read, fit, evaluate, refit, onnx, save ...). */
  timings?: Record<string, number>;
}

/** The ONNX copy of a version, made after it is Completed (ml/dataml_jobs/jobs/onnx.py); the artifact record's fields. */
export interface OnnxJobResult {
  onnx_key: string | null;
  onnx: Record<string, unknown> | null;
  onnx_reason: string | null;
  /** pending (being made), ready, unavailable (no converter, parity failed, or the job failed: see onnx_reason). */
  onnx_status: 'pending' | 'ready' | 'unavailable';
}

export const ShapWorkflowInput = z.object({
  trainingId: z.number().int().positive(),
  tenantId: z.string(),
  job: z.object({
    trainId: z.number().int().positive(),
    table: z.string(),
    snapshotId: z.string(),
    modelKey: z.string(),
    sampleRows: z.number().int().positive().optional(),
  }),
});
export type ShapWorkflowInput = z.infer<typeof ShapWorkflowInput>;

export interface ShapJobResult {
  feature_importance: Record<string, number>;
  explainer: string;
  rows: number;
}
