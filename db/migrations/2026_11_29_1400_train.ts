// Training module (issue 5): predictors, trainings (model versions) and preprocess records.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('predictors')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('predictor_name', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('problem_type', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index predictors_tenant_name_uq on predictors (tenant_id, lower(predictor_name))`.execute(db);

  await db.schema
    .createTable('trainings')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('predictor_id', 'bigint', (c) => c.notNull().references('predictors.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('parent_training_id', 'bigint', (c) => c.references('trainings.id').onDelete('set null'))
    // restrict: the API answers 409 before deleting a dataset a model was trained on.
    .addColumn('dataset_id', 'bigint', (c) => c.notNull().references('datasets.id').onDelete('restrict'))
    .addColumn('file_snapshot_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('snapshot_id', 'text')
    .addColumn('iceberg_table', 'text', (c) => c.notNull())
    .addColumn('template_id', 'bigint')
    .addColumn('template_version', 'integer')
    .addColumn('problem_type', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('chosen_algorithm', 'text')
    .addColumn('model_class', 'text')
    .addColumn('columns', 'jsonb', (c) => c.notNull())
    .addColumn('config', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('is_incremental', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('shap_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('Submitted'))
    .addColumn('error', 'text')
    .addColumn('metrics', 'jsonb')
    .addColumn('accuracy', 'double precision')
    .addColumn('preprocess_id', 'bigint')
    .addColumn('artifact', 'jsonb')
    .addColumn('library_versions', 'jsonb')
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('ray_submission_id', 'text')
    .addColumn('callback_secret_sha256', 'text', (c) => c.notNull())
    .addColumn('shap_status', 'text')
    .addColumn('shap_workflow_id', 'text')
    .addColumn('shap_result', 'jsonb')
    .addColumn('shap_error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('trainings_predictor_version_uq', ['predictor_id', 'version'])
    .execute();
  await db.schema.createIndex('trainings_tenant_idx').on('trainings').columns(['tenant_id', 'id']).execute();
  await db.schema.createIndex('trainings_dataset_idx').on('trainings').columns(['dataset_id']).execute();

  await db.schema
    .createTable('preprocess_records')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('training_id', 'bigint', (c) => c.references('trainings.id').onDelete('set null'))
    .addColumn('description', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('preprocess_records_training_idx').on('preprocess_records').columns(['training_id']).execute();
  await sql`alter table trainings add constraint trainings_preprocess_fk foreign key (preprocess_id) references preprocess_records(id) on delete set null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table if exists trainings drop constraint if exists trainings_preprocess_fk`.execute(db);
  for (const t of ['preprocess_records', 'trainings', 'predictors']) await db.schema.dropTable(t).ifExists().execute();
}
