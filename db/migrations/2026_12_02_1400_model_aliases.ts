// Model aliases (issue 15): named pointers of a predictor to one of its versions (`champion`, `challenger`, …)
// and their audit trail. Every write to model_aliases sends NOTIFY aliases_changed with the tenant id
// (api/change-feed names the same channel), so every API process switches a moved alias within the
// notification's delivery time. A trigger rather than a call in the repository, so no write path is missed
// (including the cascade when a version or its predictor is deleted).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('model_aliases')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('predictor_id', 'bigint', (c) => c.notNull().references('predictors.id').onDelete('cascade'))
    // Lower-case (the API normalises it): one alias name per predictor.
    .addColumn('alias', 'text', (c) => c.notNull())
    // Deleting the version an alias points at deletes the alias (8.5): it can no longer serve.
    .addColumn('training_id', 'bigint', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('model_aliases_predictor_alias_uq', ['predictor_id', 'alias'])
    .execute();
  await db.schema.createIndex('model_aliases_tenant_idx').on('model_aliases').column('tenant_id').execute();

  // Who moved which alias when, from which version to which (null = created / deleted).
  await db.schema
    .createTable('model_alias_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('predictor_id', 'bigint', (c) => c.notNull().references('predictors.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // Plain ids, no foreign keys: the trail outlives the versions it names.
    .addColumn('from_training_id', 'bigint')
    .addColumn('to_training_id', 'bigint')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('model_alias_events_predictor_idx').on('model_alias_events').columns(['predictor_id', 'id']).execute();

  await sql`
    create or replace function notify_aliases_change() returns trigger language plpgsql as $$
    begin
      if TG_OP = 'TRUNCATE' then
        perform pg_notify('aliases_changed', '*');
        return null;
      end if;
      if TG_OP <> 'INSERT' then perform pg_notify('aliases_changed', OLD.tenant_id::text); end if;
      if TG_OP <> 'DELETE' then perform pg_notify('aliases_changed', NEW.tenant_id::text); end if;
      return null;
    end
    $$`.execute(db);
  await sql`create trigger model_aliases_change after insert or update or delete on model_aliases
    for each row execute function notify_aliases_change()`.execute(db);
  await sql`create trigger model_aliases_truncate after truncate on model_aliases
    for each statement execute function notify_aliases_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('model_alias_events').ifExists().execute();
  await db.schema.dropTable('model_aliases').ifExists().execute();
  await sql`drop function if exists notify_aliases_change()`.execute(db);
}
