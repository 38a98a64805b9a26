import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

// BIGINT (int8) ids and counts come back as strings by default; ours fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/** Bounds on every Postgres call, so that an outage answers in time instead of hanging a request. */
export const PG_TIMEOUTS = {
  /** Opening a connection, or waiting for a free one in the pool: a 503 must come within 2 s. */
  connectMs: 1500,
  /** Server side: no statement runs longer (the API's queries take milliseconds). */
  statementMs: 30_000,
  /** Client side: a server that stops answering mid-query (frozen, partitioned) is given up on. */
  queryMs: 35_000,
  /** A transaction left open by a dead client does not hold locks for long. */
  idleInTransactionMs: 60_000,
} as const;

/** Marks errors raised by this pool's connections, so the API can tell a Postgres outage from another's. */
const FROM_POSTGRES = Symbol.for('dataml.postgres');

function tag(err: unknown): unknown {
  if (err && typeof err === 'object') (err as Record<symbol, boolean>)[FROM_POSTGRES] = true;
  return err;
}

/** pg's Client with every promise it returns tagged as Postgres's on failure (callback forms are left as they are). */
class TaggedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // The pool listens for 'error' only while a connection is idle. One that dies while checked out
    // (between two queries of a transaction) would otherwise throw from the EventEmitter and end the
    // process; its next query fails instead ("not queryable"), and the pool discards it on release.
    this.on('error', () => {});
  }
  override connect(...args: unknown[]): any {
    const r = (super.connect as (...a: unknown[]) => unknown)(...args);
    return r instanceof Promise ? r.catch((err) => Promise.reject(tag(err))) : r;
  }
  override query(...args: unknown[]): any {
    const r = (super.query as (...a: unknown[]) => unknown)(...args);
    return r instanceof Promise ? r.catch((err) => Promise.reject(tag(err))) : r;
  }
}

class TaggedPool extends pg.Pool {
  override connect(...args: unknown[]): any {
    const r = (super.connect as (...a: unknown[]) => unknown)(...args);
    return r instanceof Promise ? r.catch((err) => Promise.reject(tag(err))) : r;
  }
}

// SQLSTATEs of a server that is going away or not there yet: connection exceptions (class 08),
// admin/crash shutdown, "the database system is starting up / shutting down", too many connections.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-4]|53300)$/;
/** Socket error codes of a peer that cannot be reached (or went away); also used for the other dependencies. */
export const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// pg and pg-pool raise these as plain Errors, without a code.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Connection timed out/i;

/** True when `err` came from Postgres and says that the server is unreachable, not that the query was wrong. */
export function isPostgresUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object' || !(err as Record<symbol, unknown>)[FROM_POSTGRES]) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || NETWORK_CODES.has(code))) return true;
  // statement_timeout (57014 query_canceled) is a server too slow to answer: retrying later is the advice.
  if (code === '57014') return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
}

export interface DbOptions {
  /** Told (once per outage) when idle connections die (Postgres restarted): the pool reopens them on demand. */
  log?: { warn(obj: object, msg: string): void };
}

/** The pg pool behind each Kysely instance made here, for its usage metrics (api/metrics/pool-metrics.ts). */
const pools = new WeakMap<Kysely<Database>, pg.Pool>();
export const poolOf = (db: Kysely<Database>): pg.Pool | undefined => pools.get(db);

export function createDb(url: string, max = 10, opts: DbOptions = {}): Kysely<Database> {
  const pool = new TaggedPool({
    connectionString: url,
    max,
    Client: TaggedClient,
    connectionTimeoutMillis: PG_TIMEOUTS.connectMs,
    statement_timeout: PG_TIMEOUTS.statementMs,
    query_timeout: PG_TIMEOUTS.queryMs,
    idle_in_transaction_session_timeout: PG_TIMEOUTS.idleInTransactionMs,
    keepAlive: true,
  });
  // Without a listener, the 'error' of an idle connection (Postgres stopped or restarted) is thrown by the
  // EventEmitter and ends the process. The pool has already discarded that connection: nothing else to do.
  let lastWarning = 0;
  pool.on('error', (err) => {
    // One line per outage is enough: every idle connection reports the same event.
    if (Date.now() - lastWarning < 5000) return;
    lastWarning = Date.now();
    const msg = 'Postgres connection lost; the pool reconnects on demand';
    if (opts.log) opts.log.warn({ err: err.message }, msg);
    else process.stderr.write(`[db] ${msg}: ${err.message}\n`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}
