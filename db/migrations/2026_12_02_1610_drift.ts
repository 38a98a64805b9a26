// Drift monitoring (issue 15): the sampled real-time inputs waiting to be flushed to their version's gold Iceberg
// table, the drift runs with their results, and the scheduled drift checks.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drift_schedules')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('predictor_id', 'bigint', (c) => c.notNull().references('predictors.id').onDelete('cascade'))
    // A train_id or `<predictor>@<alias>`, resolved at each firing (an alias follows its moves).
    .addColumn('model_ref', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'bigint')
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('interval_seconds', 'integer')
    .addColumn('cron', 'text')
    .addColumn('temporal_schedule_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('drift_schedules_tenant_name_uq', ['tenant_id', 'name'])
    .execute();

  await db.schema
    .createTable('drift_runs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    // A run goes with the version it checked (8.5 deletes both).
    .addColumn('training_id', 'bigint', (c) => c.references('trainings.id').onDelete('cascade'))
    .addColumn('model_ref', 'text', (c) => c.notNull())
    // dataset | realtime
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'bigint')
    .addColumn('schedule_id', 'bigint', (c) => c.references('drift_schedules.id').onDelete('set null'))
    // The firing of a schedule that started the run: a retried activity finds its run again by it.
    .addColumn('schedule_workflow_id', 'text', (c) => c.unique())
    .addColumn('workflow_id', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    // thresholds, sample_rows, window_hours as requested (defaults filled in).
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('drift_detected', 'boolean')
    .addColumn('result', 'jsonb')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('drift_runs_tenant_idx').on('drift_runs').columns(['tenant_id', 'id']).execute();

  // Buffer of sampled 9.1 inputs: a drift run claims a batch (run_id), appends it to the gold table and deletes it.
  await db.schema
    .createTable('drift_samples')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('training_id', 'bigint', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
    .addColumn('features', 'jsonb', (c) => c.notNull())
    .addColumn('sampled_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('run_id', 'bigint')
    .execute();
  await db.schema.createIndex('drift_samples_training_idx').on('drift_samples').columns(['training_id', 'run_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('drift_samples').ifExists().execute();
  await db.schema.dropTable('drift_runs').ifExists().execute();
  await db.schema.dropTable('drift_schedules').ifExists().execute();
}
