// Inputs and results of the data module's workflows and Ray jobs (issue 4). No I/O; workflows import types only.
import { z } from 'zod';

export const TemplateColumnSpec = z.object({
  column_name: z.string(),
  data_type: z.enum(['String', 'Integer', 'Float', 'Boolean', 'Date', 'DateTime']),
  default_value: z.string().nullable(),
  nullable: z.boolean(),
  /** May be missing from the file without being reported (a prediction dataset's Target column); left null. */
  optional: z.boolean().optional(),
});
export type TemplateColumnSpec = z.infer<typeof TemplateColumnSpec>;

export const UploadValidateInput = z.object({
  tenantId: z.string(),
  datasetId: z.number().int().positive(),
  bucket: z.string(),
  /** Iceberg identifier, `silver.<iceberg_table_name>`. */
  table: z.string(),
  template: z.array(TemplateColumnSpec),
  files: z.array(z.object({ fileId: z.number().int().positive(), key: z.string() })).min(1),
});
export type UploadValidateInput = z.infer<typeof UploadValidateInput>;

/** What the validate Ray job (ml/dataml_jobs/jobs/validate.py) reports for one file. */
export interface ValidateJobResult {
  file_id: number;
  readable: boolean;
  total_records: number;
  total_fields: number;
  valid_rows: number;
  invalid_rows: number;
  error_report: Record<string, unknown>;
  /** Decimal string (64-bit), null when no row was written. */
  snapshot_id: string | null;
  table: string;
  /** Seconds per phase of the job (catalog, the one streaming pass of read + check + Parquet write, commit). */
  phases?: Record<string, number>;
}

/** The expiry timer of one upload session: at `expiresAt` an open session is expired and its S3 upload aborted. */
export interface UploadSessionExpiryInput {
  sessionId: number;
  bucket: string;
  key: string;
  uploadId: string;
  /** ISO 8601. */
  expiresAt: string;
}

export interface UploadValidateResult {
  datasetId: number;
  files: Array<{ fileId: number; status: string; validRows: number | null; snapshotId: string | null; phases?: Record<string, number> }>;
}

export const StatisticsInput = z.object({
  tenantId: z.string(),
  datasetId: z.number().int().positive(),
  table: z.string(),
});
export type StatisticsInput = z.infer<typeof StatisticsInput>;

export interface StatisticsJobResult {
  table: string;
  snapshot_id: string | null;
  row_count: number;
  columns: unknown[];
}

/** Removes a deleted file's rows (or a deleted dataset's whole table) from the datalake. */
export const LakeCleanupInput = z.object({
  tenantId: z.string(),
  table: z.string(),
  /** Delete the rows of these files; absent = drop the table with its data. */
  fileIds: z.array(z.number().int().positive()).optional(),
  nonce: z.string(),
});
export type LakeCleanupInput = z.infer<typeof LakeCleanupInput>;

/** One column's statistics for the datalake endpoints 11.5 / 11.6. */
export const ColumnStatsInput = z.object({ tenantId: z.string(), table: z.string(), column: z.string() });
export type ColumnStatsInput = z.infer<typeof ColumnStatsInput>;
