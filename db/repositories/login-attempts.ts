import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * When a key (username or client address) has at least `max` failures within the window: the number of
 * seconds until it drops below `max` again. undefined when not blocked.
 */
async function blockedFor(db: Db, column: 'username' | 'client_ip', value: string, max: number, windowSeconds: number) {
  const { rows } = await sql<{ retry_after: number }>`
    select ceil(extract(epoch from (attempted_at + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after
      from login_attempts
     where ${sql.ref(column)} = ${value} and attempted_at > now() - make_interval(secs => ${windowSeconds})
     order by attempted_at desc
     offset ${max - 1} limit 1`.execute(db);
  const row = rows[0];
  return row ? Math.max(1, row.retry_after) : undefined;
}

export async function loginBlockedFor(
  db: Db,
  key: { username: string; clientIp: string | null },
  max: number,
  windowSeconds: number,
): Promise<number | undefined> {
  const [byUser, byIp] = await Promise.all([
    blockedFor(db, 'username', key.username.toLowerCase(), max, windowSeconds),
    key.clientIp ? blockedFor(db, 'client_ip', key.clientIp, max, windowSeconds) : Promise.resolve(undefined),
  ]);
  if (byUser === undefined && byIp === undefined) return undefined;
  return Math.max(byUser ?? 0, byIp ?? 0);
}

export async function recordLoginFailure(db: Db, key: { username: string; clientIp: string | null }, windowSeconds: number) {
  await db.insertInto('login_attempts').values({ username: key.username.toLowerCase(), client_ip: key.clientIp }).execute();
  // Housekeeping: rows older than the window no longer count.
  await db
    .deleteFrom('login_attempts')
    .where('attempted_at', '<', sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
    .where((eb) => eb.or([eb('username', '=', key.username.toLowerCase()), ...(key.clientIp ? [eb('client_ip', '=', key.clientIp)] : [])]))
    .execute();
}

/** A successful login clears the username's failures (not the address's). */
export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username.toLowerCase()).execute();
}
