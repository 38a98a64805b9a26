// Inputs and results of the inference module's workflow and Ray job (issue 6). No I/O; workflows import types only.
import { z } from 'zod';

/** What the predict Ray job (ml/dataml_jobs/jobs/predict.py) gets. */
export const PredictJobInput = z.object({
  predictionId: z.number().int().positive(),
  tenantId: z.string(),
  trainId: z.number().int().positive(),
  /** The prediction dataset's Iceberg table, `silver.<name>`. */
  table: z.string(),
  modelKey: z.string(),
  /** `gold.prediction_<id>` */
  outputTable: z.string(),
  bucket: z.string(),
  /** `tenants/<tenant>/predictions/<id>/predictions.csv` */
  csvKey: z.string(),
  chunkRows: z.number().int().positive().optional(),
  /** Also write each row's feature contributions. */
  explain: z.boolean().optional(),
});
export type PredictJobInput = z.infer<typeof PredictJobInput>;

export const BatchPredictWorkflowInput = z.object({
  predictionId: z.number().int().positive(),
  tenantId: z.string(),
  username: z.string(),
  job: PredictJobInput,
});
export type BatchPredictWorkflowInput = z.infer<typeof BatchPredictWorkflowInput>;

/** What the predict job signals back. */
export interface PredictJobResult {
  rows: number;
  snapshot_id: string;
  output_table: string;
  output_snapshot_id: string;
  csv_key: string;
  csv_bytes: number;
  predict_seconds: number;
  duration_seconds: number;
}

export interface BatchPredictWorkflowResult extends PredictJobResult {
  predictionId: number;
  submissionId: string;
}
