// Upload sessions (issue 16): a file uploaded by the client straight to S3 as a multipart upload through
// presigned part URLs. The row holds what completing or expiring the session needs; the file's own row in
// dataset_files is only written when the session completes (its id is reserved at creation).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('upload_sessions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('dataset_id', 'bigint', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('file_id', 'bigint', (c) => c.notNull().unique())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('s3_key', 'text', (c) => c.notNull())
    .addColumn('upload_id', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('part_size', 'bigint', (c) => c.notNull())
    // open -> completing -> completed; open -> expired | aborted.
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('workflow_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('upload_sessions_dataset_idx').on('upload_sessions').columns(['dataset_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('upload_sessions').execute();
}
