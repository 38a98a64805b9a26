// The Temporal worker: the workflow bundle plus activities built from injected clients.
import { createRequire } from 'node:module';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { RayJobsClient } from '../integrations/ray-jobs-client.js';
import { createLogger } from '../api/logger.js';
import { loadConfig } from '../config/config.js';
import { createDb } from '../db/connection.js';

const require = createRequire(import.meta.url);
const config = loadConfig();
const log = createLogger(config.logLevel, 'dataml-worker');
// The SDK's own logger: warnings and errors only, unless LOG_LEVEL asks for more.
const sdkLevel: LogLevel = config.logLevel === 'debug' || config.logLevel === 'trace' ? 'DEBUG' : 'WARN';
Runtime.install({ logger: new DefaultLogger(sdkLevel) });
const connection = await NativeConnection.connect({ address: config.temporal.address });
const db = createDb(config.postgres.url, 5);

const worker = await Worker.create({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  workflowsPath: require.resolve('../workflows/index.ts'),
  activities: createActivities({ config, db, ray: new RayJobsClient(config.ray.address) }),
});
log.info({ taskQueue: config.temporal.taskQueue }, 'worker running');
try {
  await worker.run(); // returns after SIGINT/SIGTERM, once in-flight tasks are done
} finally {
  await connection.close();
  await db.destroy();
  log.info('worker stopped');
}
