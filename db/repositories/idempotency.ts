// The stored answers of Idempotency-Key requests (api/middleware/idempotency.ts).
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { IdempotencyKeysTable } from '../tables/idempotency.js';

export interface IdempotencyScope {
  tenantId: string;
  userId: string;
  route: string;
  key: string;
}

export interface StoredAnswer {
  fingerprint: string;
  state: IdempotencyKeysTable['state'];
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  created_at: Date;
}

const where = (s: IdempotencyScope) => (eb: ExpressionBuilder<Database, 'idempotency_keys'>) =>
  eb.and([eb('tenant_id', '=', s.tenantId), eb('user_id', '=', s.userId), eb('route', '=', s.route), eb('key', '=', s.key)]);

/**
 * Claims the key for a new request: true when this request owns it now. A row older than `ttlSeconds`, or a
 * pending one older than `pendingSeconds` (its request died with its process), is replaced.
 */
export async function claimKey(
  db: Kysely<Database>,
  s: IdempotencyScope,
  fingerprint: string,
  ttlSeconds: number,
  pendingSeconds: number,
): Promise<boolean> {
  await db
    .deleteFrom('idempotency_keys')
    .where(where(s))
    .where((eb) =>
      eb.or([
        eb('created_at', '<', sql<Date>`now() - make_interval(secs => ${ttlSeconds})`),
        eb.and([eb('state', '=', 'pending'), eb('created_at', '<', sql<Date>`now() - make_interval(secs => ${pendingSeconds})`)]),
      ]),
    )
    .execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ tenant_id: s.tenantId, user_id: s.userId, route: s.route, key: s.key, fingerprint, state: 'pending' })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'route', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findAnswer(db: Kysely<Database>, s: IdempotencyScope): Promise<StoredAnswer | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'state', 'status', 'headers', 'body', 'created_at'])
    .where(where(s))
    .executeTakeFirst();
}

export async function storeAnswer(
  db: Kysely<Database>,
  s: IdempotencyScope,
  answer: { status: number; headers: Record<string, string>; body: string },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ state: 'done', status: answer.status, headers: JSON.stringify(answer.headers), body: answer.body })
    .where(where(s))
    .execute();
}

/** Gives the key back (the request failed in a way a retry may not): the next request with it runs. */
export async function releaseKey(db: Kysely<Database>, s: IdempotencyScope): Promise<void> {
  await db.deleteFrom('idempotency_keys').where(where(s)).where('state', '=', 'pending').execute();
}

/** Removes answers older than `ttlSeconds`. */
export async function deleteExpiredKeys(db: Kysely<Database>, ttlSeconds: number): Promise<number> {
  const r = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${ttlSeconds})`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
