import type { ColumnType, Generated } from 'kysely';

/** One row per long-running job (a Temporal workflow, usually driving one Ray job). */
export interface JobsTable {
  id: Generated<number>;
  tenant_id: string | null;
  kind: string;
  resource_id: string | null;
  workflow_id: string;
  ray_submission_id: string | null;
  status: string;
  message: string | null;
  result: ColumnType<unknown, string | null, string | null> | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface JobTables {
  jobs: JobsTable;
}
