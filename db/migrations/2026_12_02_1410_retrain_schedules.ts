// Scheduled retraining (issue 15): the tenant's schedules (their Temporal Schedule holds the timing and the paused
// state), each run with the training it started and its promote-if-better decision, and who did what to a schedule.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retrain_schedules')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('predictor_id', 'bigint', (c) => c.notNull().references('predictors.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('interval_seconds', 'integer')
    .addColumn('cron', 'text')
    .addColumn('promote_alias', 'text')
    .addColumn('note', 'text')
    .addColumn('temporal_schedule_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('retrain_schedules_tenant_name_uq', ['tenant_id', 'name'])
    .execute();

  await db.schema
    .createTable('retrain_runs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('schedule_id', 'bigint', (c) => c.notNull().references('retrain_schedules.id').onDelete('cascade'))
    // The run's own workflow (one per firing): a retried activity finds its run again by it.
    .addColumn('workflow_id', 'text', (c) => c.notNull().unique())
    // Plain id: the run's record outlives a deleted version.
    .addColumn('training_id', 'bigint')
    // The training workflow's input without its callback secret (a retried start rotates the secret).
    .addColumn('train_input', 'jsonb')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('promotion', 'jsonb')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('retrain_runs_schedule_idx').on('retrain_runs').columns(['schedule_id', 'id']).execute();

  // Kept after the schedule is deleted (no foreign key): who deleted it is part of the trail.
  await db.schema
    .createTable('retrain_schedule_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('schedule_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('retrain_schedule_events_idx')
    .on('retrain_schedule_events')
    .columns(['tenant_id', 'schedule_name', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retrain_schedule_events').ifExists().execute();
  await db.schema.dropTable('retrain_runs').ifExists().execute();
  await db.schema.dropTable('retrain_schedules').ifExists().execute();
}
