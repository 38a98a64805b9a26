// A per-tenant read-through cache validated by one topic of the change feed.
import type { ChangeTopic } from './change-feed.js';

/**
 * Without a live feed it never stores, so a process that cannot hear changes always reads the database.
 * `ttlMs` only bounds memory and the damage of a lost notification; correctness comes from the generations.
 */
export class TenantCache<V> {
  private readonly entries = new Map<string, { value: V; generation: number; until: number }>();

  constructor(
    private readonly topic: ChangeTopic | undefined,
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  async get(tenant: string, key: string, load: () => Promise<V>): Promise<V> {
    const topic = this.topic;
    if (!topic?.live) return load();
    const cacheKey = `${tenant}\u0000${key}`;
    const now = Date.now();
    const hit = this.entries.get(cacheKey);
    if (hit && hit.generation === topic.generation(tenant) && hit.until > now) return hit.value;
    // Read the generation before the query: a change committed meanwhile bumps it and the value is
    // not kept (its NOTIFY is sent after commit, so a query started after receiving it sees the change).
    const generation = topic.generation(tenant);
    const value = await load();
    if (topic.live && topic.generation(tenant) === generation) {
      if (this.entries.size >= this.max) this.entries.clear();
      this.entries.set(cacheKey, { value, generation, until: now + this.ttlMs });
    }
    return value;
  }
}
