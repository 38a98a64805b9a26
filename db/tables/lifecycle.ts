// Tables of the model lifecycle module (issue 15): aliases of predictors and their audit trail.
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

export interface LifecycleTables {
  model_aliases: ModelAliasesTable;
  model_alias_events: ModelAliasEventsTable;
}
