// The API process: read config, build deps, migrate, serve.
import { loadConfig } from '../config/config.js';
import { migrateToLatest } from '../db/migrator.js';
import { createApp } from './app.js';
import { bootstrapIdentity } from './auth/bootstrap.js';
import { buildDeps } from './build-deps.js';
import { listen } from './http-server.js';
import { createLogger } from './logger.js';

const config = loadConfig();
const log = createLogger(config.logLevel, 'dataml-api');
const deps = await buildDeps(config, log);
await migrateToLatest(deps.db);
const boot = await bootstrapIdentity(deps.db, config);
if (boot.createdAdmin) log.info({ username: config.auth.adminUsername, tenantId: boot.tenantId }, 'created the platform administrator');
const app = createApp(deps);

const server = await listen(app, config.api.host, config.api.port);
log.info({ url: `http://${config.api.host}:${config.api.port}` }, 'API listening');

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    log.info({ sig }, 'API shutting down');
    server.close(() => {
      deps.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
