import { sql, type Kysely } from 'kysely';

// Templates change feed: every write to templates or template_versions sends NOTIFY templates_changed with
// the tenant's id ('*' for a TRUNCATE), delivered on commit. API processes LISTEN (api/change-feed, which
// names the same channel) and drop their cached template list of that tenant (issue 10: template/list
// served from memory). Triggers rather than calls in the repositories, so that no write path (including a
// DBA's SQL) is missed.
const TABLES = ['templates', 'template_versions'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function notify_templates_change() returns trigger language plpgsql as $$
    declare
      ids bigint[] := '{}';
      tenant text;
    begin
      if TG_OP = 'TRUNCATE' then
        perform pg_notify('templates_changed', '*');
        return null;
      end if;
      -- Both sides of an update, in case it moved a row to another tenant (or template). Postgres folds
      -- identical payloads within one transaction, so a bulk change sends one per tenant.
      if TG_TABLE_NAME = 'templates' then
        if TG_OP <> 'INSERT' then perform pg_notify('templates_changed', OLD.tenant_id::text); end if;
        if TG_OP <> 'DELETE' then perform pg_notify('templates_changed', NEW.tenant_id::text); end if;
        return null;
      end if;
      -- template_versions: its template's tenant. A version without its template goes with it (cascade),
      -- and the template's own delete told its tenant.
      if TG_OP <> 'INSERT' then ids := ids || OLD.template_id; end if;
      if TG_OP <> 'DELETE' then ids := ids || NEW.template_id; end if;
      for tenant in select distinct t.tenant_id::text from templates t where t.id = any(ids) loop
        perform pg_notify('templates_changed', tenant);
      end loop;
      return null;
    end
    $$`.execute(db);
  for (const table of TABLES) {
    await sql`create trigger ${sql.id(`${table}_templates_change`)} after insert or update or delete on ${sql.table(table)}
      for each row execute function notify_templates_change()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_templates_truncate`)} after truncate on ${sql.table(table)}
      for each statement execute function notify_templates_change()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`drop trigger if exists ${sql.id(`${table}_templates_change`)} on ${sql.table(table)}`.execute(db);
    await sql`drop trigger if exists ${sql.id(`${table}_templates_truncate`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists notify_templates_change()`.execute(db);
}
