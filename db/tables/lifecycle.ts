// Tables of the model lifecycle module (issue 15): aliases of predictors and their audit trail; retraining schedules,
// their runs and their audit trail.
import type { ColumnType, Generated } from 'kysely';

export interface ModelAliasesTable {
  id: Generated<number>;
  tenant_id: string;
  predictor_id: number;
  /** Lower-case alias name, unique per predictor. */
  alias: string;
  training_id: number;
  updated_by: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ModelAliasEventsTable {
  id: Generated<number>;
  tenant_id: string;
  predictor_id: number;
  alias: string;
  /** set (created) | move | delete */
  action: string;
  from_training_id: number | null;
  to_training_id: number | null;
  username: string;
  reason: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface RetrainSchedulesTable {
  id: Generated<number>;
  tenant_id: string;
  name: string;
  predictor_id: number;
  /** full | incremental */
  mode: string;
  interval_seconds: number | null;
  cron: string | null;
  promote_alias: string | null;
  note: string | null;
  temporal_schedule_id: string;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
}

/** The promote-if-better decision of a run (jsonb). */
export interface PromotionRecord {
  alias: string;
  decision: 'promoted' | 'refused' | 'not_requested';
  rule: string;
  metric: string | null;
  new_value: number | null;
  current_train_id: number | null;
  current_value: number | null;
}

export interface RetrainRunsTable {
  id: Generated<number>;
  tenant_id: string;
  schedule_id: number;
  workflow_id: string;
  training_id: number | null;
  train_input: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  /** Running | Completed | Failed */
  status: string;
  error: string | null;
  promotion: ColumnType<PromotionRecord | null, string | null, string | null>;
  started_at: ColumnType<Date, never, never>;
  finished_at: Date | null;
}

export interface RetrainScheduleEventsTable {
  id: Generated<number>;
  tenant_id: string;
  schedule_name: string;
  /** create | pause | resume | trigger | delete */
  action: string;
  username: string;
  created_at: ColumnType<Date, never, never>;
}

export interface LifecycleTables {
  model_aliases: ModelAliasesTable;
  model_alias_events: ModelAliasEventsTable;
  retrain_schedules: RetrainSchedulesTable;
  retrain_runs: RetrainRunsTable;
  retrain_schedule_events: RetrainScheduleEventsTable;
}
