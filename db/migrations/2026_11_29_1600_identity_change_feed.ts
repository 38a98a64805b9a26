import { sql, type Kysely } from 'kysely';

// Identity change feed: every write to a table that shapes a principal or a tenant's user list sends
// NOTIFY identity_changed with the tenant's id ('*' when it cannot be told), delivered on commit.
// API processes LISTEN and drop what they cached for that tenant (api/change-feed/channels.ts, which names the
// same channel).
// Triggers rather than calls in the repositories, so that no write path (including a DBA's SQL) is missed.
const TENANT_TABLES = ['users', 'roles', 'permissions'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function notify_identity_change() returns trigger language plpgsql as $$
    declare
      rec record;
      tenant text;
    begin
      if TG_OP = 'DELETE' then rec := OLD; else rec := NEW; end if;
      if TG_TABLE_NAME = 'role_permissions' then
        select r.tenant_id::text into tenant from roles r where r.id = rec.role_id;
      elsif TG_TABLE_NAME = 'user_roles' then
        select u.tenant_id::text into tenant from users u where u.id = rec.user_id;
      else
        tenant := rec.tenant_id::text;
      end if;
      -- Postgres folds identical payloads within one transaction, so a bulk change sends one per tenant.
      perform pg_notify('identity_changed', coalesce(tenant, '*'));
      return null;
    end
    $$`.execute(db);
  for (const table of [...TENANT_TABLES, 'role_permissions', 'user_roles']) {
    await sql`create trigger ${sql.id(`${table}_identity_change`)} after insert or update or delete on ${sql.table(table)}
      for each row execute function notify_identity_change()`.execute(db);
  }
  // A new session changes nothing cached; revoking or deleting one does.
  await sql`create trigger token_families_identity_change after update or delete on token_families
    for each row execute function notify_identity_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [...TENANT_TABLES, 'role_permissions', 'user_roles', 'token_families']) {
    await sql`drop trigger if exists ${sql.id(`${table}_identity_change`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists notify_identity_change()`.execute(db);
}
