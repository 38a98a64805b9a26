// One Prometheus registry per process (prom-client), built with that process's dependencies rather than the
// library's global one, so that tests can build several apps and workers in one process.
import type { Kysely } from 'kysely';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { poolOf } from '../../db/connection.js';
import type { Database } from '../../db/database.js';

/** A registry with the Node process metrics (CPU, memory, event-loop lag, GC), every series labelled `service`. */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  // The event-loop lag is sampled by a timer every `eventLoopMonitoringPrecision` ms; at the library's 10 ms that
  // timer alone costs an idle API ~3.5 ms of CPU per second (most of its idle CPU), at 100 ms ~0.6 ms, and every
  // API process pays it (API_PROCESSES). Once a second still sees every stall that matters (a lag is measured
  // in full whenever the timer fires late), at a tenth of that.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 1000 });
  return registry;
}

/**
 * The Postgres pool of `db`: connections open, idle and requests waiting for one, read when scraped (nothing
 * is paid per query). A pool whose `waiting` stays above 0 is too small for its load.
 */
export function observePool(registry: Registry, db: Kysely<Database>): void {
  const pool = poolOf(db);
  if (!pool) return;
  new Gauge({
    name: 'dataml_pg_pool_connections',
    help: 'Postgres pool: connections by state (total, idle, waiting = queries queued for a connection, max)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
      this.set({ state: 'max' }, pool.options.max ?? 10);
    },
  });
}
