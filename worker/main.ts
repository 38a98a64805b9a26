// The Temporal worker: the workflow bundle plus activities built from injected clients.
import { createLogger } from '../api/logger.js';
import { loadConfig } from '../config/config.js';
import { connectWorker } from './create-worker.js';

const config = loadConfig();
const log = createLogger(config.logLevel, 'dataml-worker');
const { worker, close } = await connectWorker(config);
log.info({ taskQueue: config.temporal.taskQueue }, 'worker running');
try {
  await worker.run(); // returns after SIGINT/SIGTERM, once in-flight tasks are done
} finally {
  await close();
  log.info('worker stopped');
}
