// Tables of the training module (issue 5): predictors (one per name per tenant), trainings (one row per training
// job = one model version of a predictor; its id is the contract's `id` / `train_id`) and preprocess records.
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;

export interface PredictorsTable {
  id: Generated<number>;
  tenant_id: string;
  predictor_name: string;
  domain: string;
  problem_type: string;
  created_by: string;
  created_at: CreatedAt;
  modified_at: UpdatedAt;
}

export interface StoredTrainColumn {
  column_name: string;
  data_type: string;
  attribute_name: string;
}

export interface TrainingsTable {
  id: Generated<number>;
  tenant_id: string;
  predictor_id: number;
  /** 1 for the first model of a predictor; incremental training adds versions. */
  version: number;
  parent_training_id: number | null;
  dataset_id: number;
  /** Snapshot commits of the dataset's files when training was requested (decimal strings). */
  file_snapshot_ids: Json<string[]>;
  /** The Iceberg snapshot the job actually read (decimal string), set when it reports. */
  snapshot_id: string | null;
  iceberg_table: string;
  template_id: number | null;
  template_version: number | null;
  problem_type: string;
  /** Requested algorithm (auto, xgboost, ...). */
  algorithm: string;
  /** The algorithm of the kept model (auto's winner). */
  chosen_algorithm: string | null;
  model_class: string | null;
  columns: Json<StoredTrainColumn[]>;
  config: Json<Record<string, unknown>>;
  seed: number;
  is_incremental: boolean;
  shap_enabled: boolean;
  /** Submitted | Running | Completed | Failed | Cancelled */
  status: string;
  error: string | null;
  metrics: Json<Record<string, unknown>> | null;
  accuracy: number | null;
  preprocess_id: number | null;
  artifact: Json<Record<string, unknown>> | null;
  library_versions: Json<Record<string, string>> | null;
  workflow_id: string;
  ray_submission_id: string | null;
  /** sha256 of the per-job secret the 8.7 / 8.11 callbacks must present. */
  callback_secret_sha256: string;
  shap_status: string | null;
  shap_workflow_id: string | null;
  shap_result: Json<Record<string, number>> | null;
  shap_error: string | null;
  created_by: string;
  created_at: CreatedAt;
  modified_at: UpdatedAt;
}

export interface PreprocessRecordsTable {
  id: Generated<number>;
  tenant_id: string;
  training_id: number | null;
  description: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface TrainTables {
  predictors: PredictorsTable;
  trainings: TrainingsTable;
  preprocess_records: PreprocessRecordsTable;
}
