// Failed logins and the addresses where accounts logged in, for the login throttle (api/auth/login-throttle.ts).
// Kept in Postgres so that every API process counts the same failures.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Which failures to count: one account, one address, or one account from one address (null = in-process). */
export interface FailureScope {
  username?: string;
  clientIp?: string | null;
}

const since = (seconds: number) => sql<Date>`now() - make_interval(secs => ${seconds})`;

/**
 * When `scope` has at least `max` failures within the window: the seconds until it drops below `max` again
 * (when the max-th newest failure leaves the window). undefined when below the limit.
 */
export async function secondsUntilBelowLimit(db: Db, scope: FailureScope, max: number, windowSeconds: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('login_attempts')
    .select(sql<number>`ceil(extract(epoch from (attempted_at + make_interval(secs => ${windowSeconds}) - now())))::int`.as('retry_after'))
    .where('attempted_at', '>', since(windowSeconds))
    .$if(scope.username !== undefined, (q) => q.where('username', '=', scope.username!.toLowerCase()))
    .$if(scope.clientIp !== undefined, (q) =>
      scope.clientIp === null ? q.where('client_ip', 'is', null) : q.where('client_ip', '=', scope.clientIp!),
    )
    .orderBy('attempted_at', 'desc')
    .limit(1)
    .offset(max - 1)
    .executeTakeFirst();
  return row ? Math.max(1, row.retry_after) : undefined;
}

/** Whether `username` logged in successfully from `clientIp` within the last `maxAgeDays` days. */
export async function isKnownAddress(db: Db, username: string, clientIp: string, maxAgeDays: number): Promise<boolean> {
  const row = await db
    .selectFrom('login_known_addresses')
    .select('username')
    .where('username', '=', username.toLowerCase())
    .where('client_ip', '=', clientIp)
    .where('last_success_at', '>', since(maxAgeDays * 86_400))
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordLoginFailure(db: Db, key: { username: string; clientIp: string | null }, windowSeconds: number) {
  await db.insertInto('login_attempts').values({ username: key.username.toLowerCase(), client_ip: key.clientIp }).execute();
  // Housekeeping: rows older than the window no longer count.
  await db
    .deleteFrom('login_attempts')
    .where('attempted_at', '<', since(windowSeconds))
    .where((eb) => eb.or([eb('username', '=', key.username.toLowerCase()), ...(key.clientIp ? [eb('client_ip', '=', key.clientIp)] : [])]))
    .execute();
}

/**
 * A successful login clears the failures of that account *from that address* (the user's own typos) and marks
 * the address as known for the account. Failures from elsewhere stay: they may be someone else's guesses.
 */
export async function recordLoginSuccess(
  db: Db,
  key: { username: string; clientIp: string | null },
  knownAddressDays: number,
): Promise<void> {
  const username = key.username.toLowerCase();
  await db
    .deleteFrom('login_attempts')
    .where('username', '=', username)
    .$call((q) => (key.clientIp === null ? q.where('client_ip', 'is', null) : q.where('client_ip', '=', key.clientIp)))
    .execute();
  if (key.clientIp === null) return;
  await db
    .insertInto('login_known_addresses')
    .values({ username, client_ip: key.clientIp })
    .onConflict((oc) => oc.columns(['username', 'client_ip']).doUpdateSet({ last_success_at: sql`now()` }))
    .execute();
  await db
    .deleteFrom('login_known_addresses')
    .where('username', '=', username)
    .where('last_success_at', '<', since(knownAddressDays * 86_400))
    .execute();
}
