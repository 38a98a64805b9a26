// Several API processes on one port (node:cluster). Node runs a process's JavaScript on one core, and the API's
// hot paths (authentication, validation, in-process ONNX inference) are CPU-bound, so one process per core is what
// lets one API instance use its machine. The primary only forks, replaces and stops the API processes and serves
// their metrics summed (prom-client's AggregatorRegistry); every process is a whole API (deps, caches kept fresh
// by the change feed). The first starts alone, as it applies the migrations and bootstraps the identity.
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import type { Logger } from 'pino';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Config } from '../config/config.js';
import { type MetricsSource, serveMetrics } from './metrics/metrics-endpoint.js';

/** At most this many by default: beyond it the shared Postgres, Temporal and S3 are the limit, not the API. */
const DEFAULT_MAX_PROCESSES = 4;
/** A process that dies is replaced after this long. */
const RESPAWN_DELAY_MS = 1000;
/** Processes dying before they listen, in a row, that make the primary give up (the configuration is wrong). */
const MAX_FAILED_STARTS = 3;
const STOP_TIMEOUT_MS = 6000;
const SCRAPE = 'dataml:scrape';
const SCRAPED = 'dataml:scraped';

/** How many API processes to run: API_PROCESSES, else one per core (at most 4). */
export function apiProcessCount(config: Config): number {
  return config.api.processes ?? Math.max(1, Math.min(DEFAULT_MAX_PROCESSES, os.availableParallelism()));
}

/** The primary: forks `count` API processes, replaces any that dies, stops them on SIGTERM / SIGINT. */
export async function runPrimary(config: Config, count: number, log: Logger): Promise<void> {
  const aggregator = new AggregatorRegistry();
  const listening = new Set<Worker>();
  let stopping = false;
  let failedStarts = 0;

  const fork = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = cluster.fork();
      worker.once('listening', () => {
        listening.add(worker);
        failedStarts = 0;
        resolve();
      });
      worker.once('exit', (code, signal) => {
        const started = listening.delete(worker);
        if (stopping) return resolve();
        failedStarts = started ? 0 : failedStarts + 1;
        if (failedStarts >= MAX_FAILED_STARTS) {
          log.fatal({ code, signal }, `API processes failed to start ${failedStarts} times in a row; stopping (see their errors above)`);
          void stop(1);
          return resolve();
        }
        log.error({ pid: worker.process.pid, code, signal }, 'an API process exited; starting another');
        setTimeout(() => void fork().then(resolve), RESPAWN_DELAY_MS).unref();
      });
      // A worker's /metrics asks here for every process's metrics, summed.
      worker.on('message', (msg: { type?: string; id?: number }) => {
        if (msg?.type !== SCRAPE) return;
        aggregator.clusterMetrics().then(
          (text) => worker.isConnected() && worker.send({ type: SCRAPED, id: msg.id, text }),
          (err: Error) => worker.isConnected() && worker.send({ type: SCRAPED, id: msg.id, error: err.message }),
        );
      });
    });

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    const exited = Promise.all(workers.map((w) => new Promise((r) => (w.isDead() ? r(null) : w.once('exit', r)))));
    for (const w of workers) w.process.kill('SIGTERM');
    const timeout = new Promise((r) => setTimeout(r, STOP_TIMEOUT_MS).unref());
    await Promise.race([exited, timeout]);
    for (const w of workers) if (!w.isDead()) w.process.kill('SIGKILL');
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void stop(0));

  await fork();
  await Promise.all(Array.from({ length: count - 1 }, fork));
  log.info({ processes: count, url: `http://${config.api.host}:${config.api.port}` }, 'API processes listening');
  if (config.metrics.enabled && config.metrics.port) {
    const source = { contentType: aggregator.contentType, metrics: () => aggregator.clusterMetrics() };
    await serveMetrics(source, { host: config.metrics.host, port: config.metrics.port, token: config.metrics.token });
  }
}

/**
 * In an API process of a cluster: answers the primary's requests for this process's metrics, and returns the
 * source its own /metrics route reads (the primary's sum). Stops the process when the primary is gone.
 */
export function joinCluster(registry: Registry | undefined): MetricsSource | undefined {
  // A real signal: the graceful stop once serving, the default (exit) before that.
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  if (!registry) return undefined;
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // installs prom-client's answer to the primary's requests
  const pending = new Map<number, { resolve: (text: string) => void; reject: (err: Error) => void }>();
  let next = 0;
  process.on('message', (msg: { type?: string; id?: number; text?: string; error?: string }) => {
    if (msg?.type !== SCRAPED || msg.id === undefined) return;
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error !== undefined) p?.reject(new Error(msg.error));
    else p?.resolve(msg.text ?? '');
  });
  return {
    contentType: registry.contentType,
    metrics: () =>
      new Promise<string>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        process.send!({ type: SCRAPE, id });
      }),
  };
}
