// One API process: build deps, migrate, serve. Every start-up failure says what failed and what to do; once
// serving, a dependency outage is answered with 503 and heals by itself.
import cluster from 'node:cluster';
import type { Logger } from 'pino';
import { type Config, tracingEnabled } from '../config/config.js';
import { migrateToLatest } from '../db/migrator.js';
import { createApp } from './app.js';
import { bootstrapIdentity } from './auth/bootstrap.js';
import { buildDeps } from './build-deps.js';
import { listen } from './http-server.js';
import { joinCluster } from './cluster.js';
import { serveMetrics } from './metrics/metrics-endpoint.js';
import { startupStep } from './process-guards.js';
import { startTracing } from './tracing/tracing.js';

export async function serve(config: Config, log: Logger): Promise<void> {
  // Before the deps: the Temporal client's tracing interceptor and the request spans use the registered provider.
  const tracing = await startTracing(config, 'dataml-api');
  if (tracing) log.info('tracing: exporting spans over OTLP');
  const pgFix = `Check that Postgres is running and reachable at DATABASE_URL (${redact(config.postgres.url)}); the API can be restarted once it is.`;
  const deps = await buildDeps(config, log);
  await startupStep(log, 'applying database migrations', pgFix, () => migrateToLatest(deps.db));
  const boot = await startupStep(log, 'bootstrapping identity (tenant, roles, administrator)', pgFix, () =>
    bootstrapIdentity(deps.db, config),
  );
  if (boot.createdAdmin) log.info({ username: config.auth.adminUsername, tenantId: boot.tenantId }, 'created the platform administrator');
  // In a cluster the primary serves METRICS_PORT, and this process's /metrics reads the sum of all of them.
  const clusterMetrics = cluster.isWorker ? joinCluster(deps.metrics?.registry) : undefined;
  if (clusterMetrics && deps.metrics) deps.metrics.source = clusterMetrics;
  const app = createApp(deps);

  const server = await startupStep(
    log,
    `listening on ${config.api.host}:${config.api.port}`,
    'Another process may hold the port: stop it, or set API_PORT (or STACK_PORT_OFFSET for the stack script).',
    () => listen(app, config.api.host, config.api.port),
  );
  log.info({ url: `http://${config.api.host}:${config.api.port}` }, 'API listening');
  const metricsServer =
    config.metrics.port && deps.metrics && !cluster.isWorker
      ? await startupStep(log, `serving metrics on ${config.metrics.host}:${config.metrics.port}`, 'Set METRICS_PORT to a free port.', () =>
          serveMetrics(deps.metrics!.registry, { host: config.metrics.host, port: config.metrics.port!, token: config.metrics.token }),
        )
      : undefined;

  let closing = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (closing) return;
      closing = true;
      log.info({ sig }, 'API shutting down');
      metricsServer?.close();
      server.close(() => {
        deps
          .close()
          .then(() => tracing?.shutdown())
          .finally(() => process.exit(0));
      });
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
