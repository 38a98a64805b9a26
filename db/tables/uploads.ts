// Upload sessions (issue 16): direct-to-S3 multipart uploads of one file each. Composed into `Database` by
// db/database.ts.
import type { ColumnType, Generated } from 'kysely';

export type UploadSessionStatus = 'open' | 'completing' | 'completed' | 'expired' | 'aborted';

export interface UploadSessionsTable {
  id: Generated<number>;
  tenant_id: string;
  dataset_id: number;
  /** The dataset_files id reserved for the file; its row is written when the session completes. */
  file_id: number;
  file_name: string;
  s3_key: string;
  /** The S3 multipart upload's id. */
  upload_id: string;
  size_bytes: number;
  part_size: number;
  status: ColumnType<UploadSessionStatus, UploadSessionStatus | undefined, UploadSessionStatus>;
  expires_at: Date;
  /** The upload-validate workflow started by completing the session. */
  workflow_id: string | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  modified_at: ColumnType<Date, never, Date>;
}

export interface UploadTables {
  upload_sessions: UploadSessionsTable;
}
