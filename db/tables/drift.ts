// Tables of drift monitoring (issue 15): drift runs and their results, scheduled drift checks, and the buffer of
// sampled real-time inputs.
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface DriftParams {
  thresholds: { psi: number; p_value: number; min_effect: number; bins: number };
  sample_rows: number;
  window_hours: number;
}

export interface DriftSchedulesTable {
  id: Generated<number>;
  tenant_id: string;
  name: string;
  predictor_id: number;
  model_ref: string;
  dataset_id: number | null;
  params: Json<DriftParams>;
  interval_seconds: number | null;
  cron: string | null;
  temporal_schedule_id: string;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
}

export interface DriftRunsTable {
  id: Generated<number>;
  tenant_id: string;
  training_id: number | null;
  model_ref: string;
  /** dataset | realtime */
  source: string;
  dataset_id: number | null;
  schedule_id: number | null;
  schedule_workflow_id: string | null;
  workflow_id: string | null;
  /** Submitted | Running | Completed | Failed | Cancelled */
  status: string;
  error: string | null;
  params: Json<DriftParams>;
  drift_detected: boolean | null;
  result: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  finished_at: Date | null;
}

export interface DriftSamplesTable {
  id: Generated<number>;
  tenant_id: string;
  training_id: number;
  features: Json<Record<string, unknown>>;
  sampled_at: ColumnType<Date, Date | undefined, never>;
  run_id: number | null;
}

export interface DriftTables {
  drift_schedules: DriftSchedulesTable;
  drift_runs: DriftRunsTable;
  drift_samples: DriftSamplesTable;
}
