// Paged lists (api/paging.ts) read `where tenant_id = ? and id > ? order by id limit n`: with (tenant_id, id)
// a page costs an index range scan of n rows however many rows the tenant or the table has. users, trainings
// and predictions have such an index already.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('datasets_tenant_id_idx').ifNotExists().on('datasets').columns(['tenant_id', 'id']).execute();
  await db.schema.createIndex('templates_tenant_id_idx').ifNotExists().on('templates').columns(['tenant_id', 'id']).execute();
  await db.schema.createIndex('dataset_files_dataset_id_idx').ifNotExists().on('dataset_files').columns(['dataset_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dataset_files_dataset_id_idx').ifExists().execute();
  await db.schema.dropIndex('templates_tenant_id_idx').ifExists().execute();
  await db.schema.dropIndex('datasets_tenant_id_idx').ifExists().execute();
}
