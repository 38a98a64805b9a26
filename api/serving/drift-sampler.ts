// Samples 9.1 inputs for drift monitoring: a request is kept with probability `rate`, in memory, and the kept rows
// are written with one multi-row insert per flush (every second). Off the request's critical path: recording never
// awaits, never throws, and a full buffer drops rows (counted in the log) rather than growing.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/database.js';
import { addSamples } from '../../db/repositories/drift.js';

/** Rows kept between two flushes at most (a flush a second: far above any sampled request rate of one process). */
const MAX_PENDING = 10_000;

type Sample = Parameters<typeof addSamples>[1][number];

export class DriftSampler {
  private pending: Sample[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly rate: number,
    private readonly intervalMs = 1000,
    private readonly random: () => number = Math.random,
  ) {}

  /** Keeps the model's inputs of one request with probability `rate`. */
  offer(tenantId: string, trainingId: number, features: Record<string, unknown>): void {
    if (this.rate <= 0 || this.random() >= this.rate) return;
    if (this.pending.length >= MAX_PENDING) {
      this.dropped++;
      return;
    }
    this.pending.push({ tenantId, trainingId, features, sampledAt: new Date() });
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes what was kept so far; concurrent calls are serialized. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    const dropped = this.dropped;
    this.pending = [];
    this.dropped = 0;
    this.flushing = this.flushing.then(async () => {
      if (dropped) this.log.warn({ dropped }, 'drift sampling buffer full: samples dropped');
      if (!batch.length) return;
      try {
        await addSamples(this.db, batch);
      } catch (err) {
        // A version deleted meanwhile fails the whole insert: losing a second of samples is fine, failing is not.
        this.log.warn({ err, rows: batch.length }, 'could not record drift samples');
      }
    });
    return this.flushing;
  }
}
