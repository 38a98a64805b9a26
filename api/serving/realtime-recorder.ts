// Records real-time predictions cheaply: counts are kept in memory per (model, preprocess record, user, minute)
// and written with one upsert per flush (every second, and before 9.6 reads), so a request never waits on it.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/database.js';
import { addRealtimeCounts, type ModelTrace, type RealtimeCount } from '../../db/repositories/predictions.js';

export class RealtimeRecorder {
  private counts = new Map<string, RealtimeCount>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly intervalMs = 1000,
  ) {}

  record(trace: ModelTrace, username: string, serving: string, n = 1): void {
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const key = `${trace.trainingId}|${trace.preprocessId ?? 0}|${username}|${minute.getTime()}`;
    const c = this.counts.get(key);
    if (c) c.count += n;
    else this.counts.set(key, { ...trace, minute, username, serving, count: n });
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes what was counted so far; concurrent calls are serialized. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.counts.values()];
    this.counts = new Map();
    this.flushing = this.flushing.then(async () => {
      if (!batch.length) return;
      try {
        await addRealtimeCounts(this.db, batch);
      } catch {
        // One bad counter (a model deleted meanwhile) must not lose the others.
        for (const c of batch) {
          try {
            await addRealtimeCounts(this.db, [c]);
          } catch (err) {
            this.log.warn({ err, trainingId: c.trainingId, count: c.count }, 'could not record real-time prediction counts');
          }
        }
      }
    });
    return this.flushing;
  }
}
