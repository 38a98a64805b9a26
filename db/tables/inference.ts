// Tables of the inference module (issue 6): one row per prediction. A batch or forecast prediction is one row;
// real-time predictions are counted, one row per model, preprocess record and minute (`minute` set), so that
// recording them costs one upsert per second per model instead of one insert per request.
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

export type PredictionType = 'realtime' | 'batch' | 'forecast';

export interface PredictionsTable {
  id: Generated<number>;
  tenant_id: string;
  training_id: number;
  prediction_type: PredictionType;
  /** Traceability: the model version, its preprocess record and the data snapshot it was trained on. */
  model_version: number;
  preprocess_id: number | null;
  train_snapshot_id: string | null;
  model_key: string | null;
  dataset_id: number | null;
  /** The prediction dataset's Iceberg snapshot the batch job read (decimal string). */
  input_snapshot_id: string | null;
  input_data: string;
  /** Submitted | Running | Completed | Failed | Cancelled */
  status: string;
  no_of_records: ColumnType<number | null, number | null | undefined, number | null>;
  /** Real-time counter rows: the minute they count (null for batch and forecast). */
  minute: Date | null;
  serving: string | null;
  result_path: string | null;
  csv_key: string | null;
  output_table: string | null;
  workflow_id: string | null;
  ray_submission_id: string | null;
  error: string | null;
  created_by: string;
  created_at: CreatedAt;
  modified_at: UpdatedAt;
}

export interface InferenceTables {
  predictions: PredictionsTable;
}
