// The Temporal worker: the workflow bundle plus activities built from injected clients.
import { createRequire } from 'node:module';
import { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { RayJobsClient } from '../activities/ray-jobs-client.js';
import { createLogger } from '../api/logger.js';
import { loadConfig } from '../config/config.js';
import { createDb } from '../db/connection.js';
import { startRayJobReaper } from './ray-job-reaper.js';

const require = createRequire(import.meta.url);
const config = loadConfig();
const log = createLogger(config.logLevel, 'dataml-worker');
// The SDK's own logger: warnings and errors only, unless LOG_LEVEL asks for more.
const sdkLevel: LogLevel = config.logLevel === 'debug' || config.logLevel === 'trace' ? 'DEBUG' : 'WARN';
Runtime.install({ logger: new DefaultLogger(sdkLevel) });
const connection = await NativeConnection.connect({ address: config.temporal.address });
const db = createDb(config.postgres.url, 5);
const ray = new RayJobsClient(config.ray.address);

const worker = await Worker.create({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  workflowsPath: require.resolve('../workflows/index.ts'),
  activities: createActivities({ config, db, ray }),
});
log.info({ taskQueue: config.temporal.taskQueue }, 'worker running');
// Ray jobs left running by workflows that closed (e.g. while this worker or Ray was down) are stopped.
const stopReaper = startRayJobReaper({ ray, client: new Client({ connection, namespace: config.temporal.namespace }), namespace: config.temporal.namespace, log });
try {
  await worker.run(); // returns after SIGINT/SIGTERM, once in-flight tasks are done
} finally {
  stopReaper();
  await connection.close();
  await db.destroy();
  log.info('worker stopped');
}
