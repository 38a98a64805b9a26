// Cross-process invalidation for identity caches. Triggers (migration 1600) NOTIFY `identity_changed`
// with a tenant id on every write to users, roles, permissions, their links and session revocations;
// each API process LISTENs on one dedicated connection and bumps that tenant's generation. A cached
// value is served only while the feed is live and its tenant's generation is the one it was read at,
// so a change made by any process (or by SQL) is seen within the notification's delivery time.
import pg from 'pg';
import type { Logger } from 'pino';

export const IDENTITY_CHANNEL = 'identity_changed';
// Reconnection backoff: quick at first (a restart takes seconds), bounded so recovery is noticed soon.
const RECONNECT_MS = 500;
const RECONNECT_MAX_MS = 5000;

export class IdentityChangeFeed {
  private client: pg.Client | undefined;
  private closed = false;
  private global = 0;
  private readonly tenants = new Map<string, number>();
  private readonly listeners = new Set<(payload: string) => void>();
  private failures = 0;
  /** True while LISTEN is in place: only then may anything be cached for longer than a moment. */
  live = false;

  constructor(
    private readonly url: string,
    private readonly log?: Pick<Logger, 'warn' | 'info'>,
  ) {}

  /** Resolves once listening (or after the first failure, leaving a retry scheduled: callers then just don't cache). */
  async start(): Promise<void> {
    if (this.closed) return;
    // Bounded connect, and TCP keepalive so that a connection to a vanished server is noticed.
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 2000, keepAlive: true });
    client.on('notification', (msg) => {
      if (msg.channel !== IDENTITY_CHANNEL) return;
      this.bump(msg.payload && msg.payload !== '*' ? msg.payload : undefined);
      for (const listener of this.listeners) listener(msg.payload ?? '*');
    });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.goDown();
      if (!this.closed) {
        // One line per outage, not one per attempt.
        if (this.failures === 0) this.log?.warn({ err: err?.message }, 'identity change feed lost; caching is off until it reconnects');
        const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MS * 2 ** this.failures);
        this.failures += 1;
        setTimeout(() => void this.start(), delay).unref();
      }
      client.end().catch(() => {});
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${IDENTITY_CHANNEL}`);
      // Anything read while the feed was down may have missed a change: start from a new generation.
      this.bump(undefined);
      this.live = !this.closed;
      if (this.failures > 0) this.log?.info({ attempts: this.failures }, 'identity change feed reconnected');
      this.failures = 0;
    } catch (err) {
      lost(err as Error);
    }
  }

  /** The generation a value read now for `tenant` must still have when it is served. */
  generation(tenant: string): number {
    // Both counters only grow, so their sum changes whenever either does.
    return this.global + (this.tenants.get(tenant) ?? 0);
  }

  /** A change for one tenant, or (undefined) for all of them. */
  bump(tenant: string | undefined): void {
    if (tenant === undefined) {
      this.global += 1;
      return;
    }
    this.tenants.set(tenant, (this.tenants.get(tenant) ?? 0) + 1);
  }

  /** Calls `listener` with each notification's payload (a tenant id or '*'), after the caches heard it. */
  subscribe(listener: (payload: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private goDown(): void {
    this.live = false;
    this.bump(undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.goDown();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}

/**
 * A per-tenant read-through cache validated by the feed. Without a live feed it never stores, so a
 * process that cannot hear changes always reads the database. `ttlMs` only bounds memory and the
 * damage of a lost notification; correctness comes from the generations.
 */
export class TenantCache<V> {
  private readonly entries = new Map<string, { value: V; generation: number; until: number }>();

  constructor(
    private readonly feed: IdentityChangeFeed | undefined,
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  async get(tenant: string, key: string, load: () => Promise<V>): Promise<V> {
    const feed = this.feed;
    if (!feed?.live) return load();
    const cacheKey = `${tenant}\u0000${key}`;
    const now = Date.now();
    const hit = this.entries.get(cacheKey);
    if (hit && hit.generation === feed.generation(tenant) && hit.until > now) return hit.value;
    // Read the generation before the query: a change committed meanwhile bumps it and the value is
    // not kept (its NOTIFY is sent after commit, so a query started after receiving it sees the change).
    const generation = feed.generation(tenant);
    const value = await load();
    if (feed.live && feed.generation(tenant) === generation) {
      if (this.entries.size >= this.max) this.entries.clear();
      this.entries.set(cacheKey, { value, generation, until: now + this.ttlMs });
    }
    return value;
  }
}
