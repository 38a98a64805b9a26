// template/list shows each template's number of columns: kept beside the schema so that listing does not
// read (and de-TOAST) every wide schema in full (issue 10: ~22 req/s with 20 templates of 1,000 columns).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table template_versions
    add column column_count integer generated always as (jsonb_array_length(template_schema)) stored`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('template_versions').dropColumn('column_count').execute();
}
