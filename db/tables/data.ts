// Tables of the data module (issue 4): templates (versioned), datasets, their files, statistics runs and
// the ownership of datalake tables. Composed into `Database` by db/database.ts.
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;

export interface StoredTemplateColumn {
  column_name: string;
  data_type: string;
  default_value: string | null;
  nullable: boolean;
}

export interface TemplatesTable {
  id: Generated<number>;
  tenant_id: string;
  template_name: string;
  /** The current version; every update adds a row to template_versions and bumps this. */
  version: ColumnType<number, number, number>;
  created_by: string;
  modified_by: string;
  created_at: CreatedAt;
  modified_at: UpdatedAt;
}

export interface TemplateVersionsTable {
  template_id: number;
  version: number;
  template_name: string;
  template_schema: Json<StoredTemplateColumn[]>;
  /** jsonb_array_length(template_schema), kept by Postgres (a generated column). */
  column_count: GeneratedAlways<number>;
  created_by: string;
  created_at: CreatedAt;
}

export interface DatasetsTable {
  id: Generated<number>;
  tenant_id: string;
  dataset_name: string;
  usage: 't' | 'p';
  data_source: string;
  template_id: number | null;
  /** The template version the dataset's files are validated against (fixed at upload). */
  template_version: number | null;
  iceberg_table_name: string;
  /** null while any file is still being validated. */
  is_valid: boolean | null;
  total_records: ColumnType<number, number | undefined, number>;
  valid_rows: ColumnType<number, number | undefined, number>;
  created_by: string;
  created_at: CreatedAt;
  modified_at: UpdatedAt;
}

export type FileStatus = 'uploaded' | 'validating' | 'valid' | 'invalid' | 'failed';

export interface DatasetFilesTable {
  id: Generated<number>;
  dataset_id: number;
  tenant_id: string;
  file_name: string;
  s3_key: string;
  size_bytes: ColumnType<number, number | undefined, number>;
  sha256: string | null;
  status: ColumnType<FileStatus, FileStatus | undefined, FileStatus>;
  total_fields: number | null;
  total_records: number | null;
  valid_rows: number | null;
  invalid_rows: number | null;
  error_report: Json<unknown> | null;
  /** Iceberg snapshot of this file's commit: a decimal string (64-bit). */
  snapshot_id: string | null;
  workflow_id: string | null;
  created_at: CreatedAt;
  modified_at: UpdatedAt;
}

export interface DatasetStatisticsTable {
  id: Generated<number>;
  dataset_id: number;
  tenant_id: string;
  workflow_id: string;
  status: string;
  message: string | null;
  columns: Json<unknown> | null;
  snapshot_id: string | null;
  computed_at: Date | null;
  created_at: CreatedAt;
  modified_at: UpdatedAt;
}

/** Which tenant owns which Iceberg table: the datalake endpoints show a tenant only its own tables. */
export interface DatalakeTablesTable {
  namespace: string;
  table_name: string;
  tenant_id: string;
  dataset_id: number | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface DataTables {
  templates: TemplatesTable;
  template_versions: TemplateVersionsTable;
  datasets: DatasetsTable;
  dataset_files: DatasetFilesTable;
  dataset_statistics: DatasetStatisticsTable;
  datalake_tables: DatalakeTablesTable;
}
