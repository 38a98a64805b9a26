// The Temporal worker process: the workflow bundle plus activities built from injected clients. It keeps
// running through Postgres and Temporal outages (see supervised-worker.ts) and stops on SIGINT/SIGTERM.
import { Client } from '@temporalio/client';
import { JobMetrics } from '../activities/job-metrics.js';
import { createLogger } from '../api/logger.js';
import { serveMetrics } from '../api/metrics/metrics-endpoint.js';
import { createRegistry, observePool } from '../api/metrics/registry.js';
import { installLastResortHandlers } from '../api/process-guards.js';
import { lazyTemporalConnection } from '../api/temporal/connection.js';
import { startTracing } from '../api/tracing/tracing.js';
import { loadConfig, tracingEnabled } from '../config/config.js';
import { createDb } from '../db/connection.js';
import { RayJobsClient } from '../integrations/ray-jobs-client.js';
import { installSdkLogger } from './create-worker.js';
import { startHealthServer } from './health-server.js';
import { startRayJobReaper } from './ray-job-reaper.js';
import { superviseWorker } from './supervised-worker.js';

const config = loadConfig();
const log = createLogger(config.logLevel, 'dataml-worker', { traceIds: tracingEnabled(config) });
installLastResortHandlers(log);
installSdkLogger(config.logLevel);
const tracing = await startTracing(config, 'dataml-worker');
if (tracing) log.info('tracing: exporting spans over OTLP');
const db = createDb(config.postgres.url, 5, { log });

// Prometheus: jobs, Ray submissions, the pool and the process, on WORKER_METRICS_PORT when it is set.
const registry = createRegistry('dataml-worker');
observePool(registry, db);
// A port taken costs the metrics, not the jobs: the worker runs on without them.
const metricsServer = config.metrics.workerPort
  ? await serveMetrics(registry, { host: config.metrics.host, port: config.metrics.workerPort, token: config.metrics.token }).catch(
      (err: Error) => void log.warn({ err: err.message }, 'worker metrics not served (set WORKER_METRICS_PORT to a free port)'),
    )
  : undefined;
if (metricsServer) log.info({ url: `http://${config.metrics.host}:${config.metrics.workerPort}/metrics` }, 'worker metrics served');

const worker = superviseWorker({ config, db, log, metrics: new JobMetrics(registry), tracing });
// Ray jobs left running by workflows that closed (e.g. while this worker or Ray was down) are stopped. Its
// client connects lazily, so a Temporal outage only postpones the sweep.
const reaperConnection = lazyTemporalConnection(config.temporal.address);
const stopReaper = startRayJobReaper({
  ray: new RayJobsClient(config.ray.address),
  client: new Client({ connection: reaperConnection, namespace: config.temporal.namespace }),
  namespace: config.temporal.namespace,
  log,
});
const health =
  config.worker.healthPort === undefined
    ? undefined
    : await startHealthServer(config.worker.healthHost, config.worker.healthPort, () => worker.polling);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log.info({ sig }, 'worker shutting down after its in-flight tasks');
    void worker.stop();
  });
}
try {
  await worker.done;
} finally {
  stopReaper();
  metricsServer?.close();
  health?.close();
  await reaperConnection.close().catch(() => {});
  await db.destroy();
  await tracing?.shutdown().catch(() => {});
  log.info('worker stopped');
}
