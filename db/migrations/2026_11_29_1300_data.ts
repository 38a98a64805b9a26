// Data module (issue 4): versioned templates, datasets, files, statistics runs, datalake table ownership.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('templates')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('template_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('modified_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index templates_tenant_name_uq on templates (tenant_id, lower(template_name))`.execute(db);

  await db.schema
    .createTable('template_versions')
    .addColumn('template_id', 'bigint', (c) => c.notNull().references('templates.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('template_name', 'text', (c) => c.notNull())
    .addColumn('template_schema', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('template_versions_pk', ['template_id', 'version'])
    .execute();

  await db.schema
    .createTable('datasets')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('dataset_name', 'text', (c) => c.notNull())
    .addColumn('usage', 'text', (c) => c.notNull().check(sql`usage in ('t', 'p')`))
    .addColumn('data_source', 'text', (c) => c.notNull().defaultTo('csv'))
    // restrict: a template that datasets use cannot disappear under them (the API answers 409 first).
    .addColumn('template_id', 'bigint', (c) => c.references('templates.id').onDelete('restrict'))
    .addColumn('template_version', 'integer')
    .addColumn('iceberg_table_name', 'text', (c) => c.notNull())
    .addColumn('is_valid', 'boolean')
    .addColumn('total_records', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_rows', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('datasets_tenant_name_uq', ['tenant_id', 'dataset_name'])
    .execute();

  await db.schema
    .createTable('dataset_files')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dataset_id', 'bigint', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('s3_key', 'text', (c) => c.notNull().unique())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('sha256', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('uploaded'))
    .addColumn('total_fields', 'integer')
    .addColumn('total_records', 'bigint')
    .addColumn('valid_rows', 'bigint')
    .addColumn('invalid_rows', 'bigint')
    .addColumn('error_report', 'jsonb')
    .addColumn('snapshot_id', 'text')
    .addColumn('workflow_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('dataset_files_dataset_idx').on('dataset_files').columns(['dataset_id']).execute();

  await db.schema
    .createTable('dataset_statistics')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dataset_id', 'bigint', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('workflow_id', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('columns', 'jsonb')
    .addColumn('snapshot_id', 'text')
    .addColumn('computed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('dataset_statistics_dataset_idx').on('dataset_statistics').columns(['dataset_id', 'id']).execute();

  await db.schema
    .createTable('datalake_tables')
    .addColumn('namespace', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('dataset_id', 'bigint', (c) => c.references('datasets.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('datalake_tables_pk', ['namespace', 'table_name'])
    .execute();
  await db.schema.createIndex('datalake_tables_tenant_idx').on('datalake_tables').columns(['tenant_id', 'namespace']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['datalake_tables', 'dataset_statistics', 'dataset_files', 'datasets', 'template_versions', 'templates']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
