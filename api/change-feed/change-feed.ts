// Cross-process invalidation of in-memory caches. Triggers NOTIFY a channel (one per family of cached
// data: channels.ts) with a tenant id on every write; each API process LISTENs to all channels on one
// dedicated connection and bumps that tenant's generation in the channel's topic. A cached value is
// served only while the feed is live and its tenant's generation is the one it was read at, so a change
// made by any process (or by SQL) is seen within the notification's delivery time.
import pg from 'pg';
import type { Logger } from 'pino';

// Reconnection backoff: quick at first (a restart takes seconds), bounded so recovery is noticed soon.
const RECONNECT_MS = 500;
const RECONNECT_MAX_MS = 5000;

/** One channel's view of the feed: what a cache of that data checks its entries against. */
export class ChangeTopic {
  private all = 0;
  private readonly tenants = new Map<string, number>();
  private readonly listeners = new Set<(payload: string) => void>();

  constructor(
    private readonly feed: ChangeFeed,
    readonly channel: string,
  ) {}

  /** True while the feed listens: only then may anything be cached for longer than a moment. */
  get live(): boolean {
    return this.feed.live;
  }

  /** The generation a value read now for `tenant` must still have when it is served. */
  generation(tenant: string): number {
    // All three counters only grow, so their sum changes whenever any does; the feed's own one moves
    // when it goes down or comes back, which invalidates every topic at once.
    return this.feed.outages + this.all + (this.tenants.get(tenant) ?? 0);
  }

  /** A change for one tenant, or (undefined) for all of them. */
  bump(tenant: string | undefined): void {
    if (tenant === undefined) this.all += 1;
    else this.tenants.set(tenant, (this.tenants.get(tenant) ?? 0) + 1);
  }

  /** Calls `listener` with each notification's payload (a tenant id or '*'), after the caches heard it. */
  subscribe(listener: (payload: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** @internal the feed's delivery of one notification on this channel. */
  deliver(payload: string | undefined): void {
    this.bump(payload && payload !== '*' ? payload : undefined);
    for (const listener of this.listeners) listener(payload ?? '*');
  }
}

export class ChangeFeed {
  private client: pg.Client | undefined;
  private closed = false;
  private failures = 0;
  private readonly topics = new Map<string, ChangeTopic>();
  /** Grows whenever the feed goes down or comes back: part of every topic's generations. */
  outages = 0;
  /** True while LISTEN is in place on every channel. */
  live = false;

  constructor(
    private readonly url: string,
    channels: readonly string[],
    private readonly log?: Pick<Logger, 'warn' | 'info'>,
  ) {
    for (const channel of channels) this.topics.set(channel, new ChangeTopic(this, channel));
  }

  /** The view of one of the channels given to the constructor. */
  topic(channel: string): ChangeTopic {
    const topic = this.topics.get(channel);
    if (!topic) throw new Error(`the change feed does not listen to ${channel}`);
    return topic;
  }

  /** Resolves once listening (or after the first failure, leaving a retry scheduled: callers then just don't cache). */
  async start(): Promise<void> {
    if (this.closed) return;
    // Bounded connect, and TCP keepalive so that a connection to a vanished server is noticed.
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 2000, keepAlive: true });
    client.on('notification', (msg) => this.topics.get(msg.channel)?.deliver(msg.payload));
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.goDown();
      if (!this.closed) {
        // One line per outage, not one per attempt.
        if (this.failures === 0) this.log?.warn({ err: err?.message }, 'change feed lost; caching is off until it reconnects');
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
      await client.query([...this.topics.keys()].map((channel) => `LISTEN ${client.escapeIdentifier(channel)}`).join('; '));
      // Anything read while the feed was down may have missed a change: start from a new generation.
      this.outages += 1;
      this.live = !this.closed;
      if (this.failures > 0) this.log?.info({ attempts: this.failures }, 'change feed reconnected');
      this.failures = 0;
    } catch (err) {
      lost(err as Error);
    }
  }

  private goDown(): void {
    this.live = false;
    this.outages += 1;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.goDown();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
