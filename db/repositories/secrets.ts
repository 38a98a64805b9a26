import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Returns the stored secret, storing `candidate` first if there is none (first writer wins across processes). */
export async function getOrCreateSecret(db: Db, name: string, candidate: string): Promise<string> {
  await db
    .insertInto('platform_secrets')
    .values({ name, value: candidate })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('platform_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
