import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function tenantExists(db: Db, tenantId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst());
}

/** Creates the tenant if missing; true when this call created it. */
export async function ensureTenant(db: Db, tenantId: string, name: string): Promise<boolean> {
  const inserted = await db
    .insertInto('tenants')
    .values({ id: tenantId, name })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(inserted);
}

export async function listTenantIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('tenants').select('id').execute()).map((r) => r.id);
}
