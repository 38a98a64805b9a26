// The API: read config, then serve in this process, or with API_PROCESSES > 1 (one per core by default outside
// tests) fork that many API processes sharing the port (api/cluster.ts).
import cluster from 'node:cluster';
import { loadConfig, tracingEnabled } from '../config/config.js';
import { apiProcessCount, runPrimary } from './cluster.js';
import { createLogger } from './logger.js';
import { installLastResortHandlers } from './process-guards.js';

const config = loadConfig();
const log = createLogger(config.logLevel, 'dataml-api', { traceIds: tracingEnabled(config) });
installLastResortHandlers(log);
const processes = apiProcessCount(config);
if (cluster.isPrimary && processes > 1) await runPrimary(config, processes, log);
else await (await import('./serve.js')).serve(config, log);
