// Inference module (issue 6): predictions (batch and forecast rows, real-time counters per model per minute).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('predictions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    // A model's predictions go with it (8.5 deletes the model's records).
    .addColumn('training_id', 'bigint', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
    .addColumn('prediction_type', 'text', (c) => c.notNull())
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('preprocess_id', 'bigint')
    .addColumn('train_snapshot_id', 'text')
    .addColumn('model_key', 'text')
    .addColumn('dataset_id', 'bigint', (c) => c.references('datasets.id').onDelete('set null'))
    .addColumn('input_snapshot_id', 'text')
    .addColumn('input_data', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('no_of_records', 'bigint')
    .addColumn('minute', 'timestamptz')
    .addColumn('serving', 'text')
    .addColumn('result_path', 'text')
    .addColumn('csv_key', 'text')
    .addColumn('output_table', 'text')
    .addColumn('workflow_id', 'text')
    .addColumn('ray_submission_id', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('predictions_training_idx').on('predictions').columns(['training_id', 'id']).execute();
  await db.schema.createIndex('predictions_tenant_idx').on('predictions').columns(['tenant_id', 'id']).execute();
  // One counter row per model, preprocess record, user and minute for real-time predictions.
  await sql`create unique index predictions_realtime_minute_uq on predictions
    (training_id, prediction_type, coalesce(preprocess_id, 0), created_by, minute) where minute is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('predictions').ifExists().execute();
}
