// Runs the Temporal Worker for as long as the process lives, through Temporal outages: if the worker
// cannot connect, or stops or fails on its own (Temporal down for a while, its connection lost), it is
// recreated in-process with backoff and resumes polling once Temporal is back. Only stop() ends it.
import { bundleWorkflowCode, NativeConnection, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createActivities } from '../activities/index.js';
import type { JobMetrics } from '../activities/job-metrics.js';
import type { Tracing } from '../api/tracing/tracing.js';
import { WarmRunners } from '../integrations/warm-runners.js';
import { RayJobsClient } from '../integrations/ray-jobs-client.js';
import { createS3 } from '../integrations/s3-client.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { createWorker, TRACING_WORKFLOW_MODULES, WORKFLOWS_PATH } from './create-worker.js';

const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 10_000;

export interface SupervisedWorker {
  /** Resolves when stop() was called and the current worker has finished its in-flight tasks. */
  done: Promise<void>;
  stop(): Promise<void>;
  /** How many times the worker was (re)created; 1 when it never had to be recreated. */
  readonly generations: number;
  /** Its Temporal worker exists and polls (false while it waits for Temporal). */
  readonly polling: boolean;
}

export function superviseWorker(opts: {
  config: Config;
  db: Kysely<Database>;
  log: Pick<Logger, 'info' | 'warn'>;
  metrics?: JobMetrics;
  tracing?: Tracing;
}): SupervisedWorker {
  const { config, db, log, metrics, tracing } = opts;
  let stopping = false;
  let current: Worker | undefined;
  let generations = 0;
  let wake: (() => void) | undefined;
  // Bundled once: recreating the worker after an outage should not pay for webpack again.
  let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
  const warm = new WarmRunners(config);
  const activities = createActivities({ config, db, ray: new RayJobsClient(config.ray.address), s3: createS3(config), warm, metrics });

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async () => {
    let backoff = BACKOFF_MIN_MS;
    while (!stopping) {
      let connection: NativeConnection | undefined;
      try {
        bundle ??= bundleWorkflowCode({
          workflowsPath: WORKFLOWS_PATH,
          workflowInterceptorModules: tracing ? TRACING_WORKFLOW_MODULES : [],
          logger: quietBundlerLogger,
        });
        connection = await NativeConnection.connect({ address: config.temporal.address });
        const worker = await createWorker({
          connection,
          namespace: config.temporal.namespace,
          taskQueue: config.temporal.taskQueue,
          workflowBundle: await bundle,
          activities,
          tracing,
        });
        if (stopping) break;
        current = worker;
        generations += 1;
        backoff = BACKOFF_MIN_MS;
        log.info(
          { taskQueue: config.temporal.taskQueue, generation: generations },
          generations === 1 ? 'worker running' : 'worker running again',
        );
        await worker.run(); // returns after shutdown(), once in-flight tasks are done; rejects on a fatal error
        if (!stopping) log.warn('Temporal worker stopped on its own; recreating it');
      } catch (err) {
        if (stopping) break;
        log.warn({ err: (err as Error).message, retryInMs: backoff }, 'Temporal worker unavailable (is Temporal up?); retrying');
      } finally {
        current = undefined;
        await connection?.close().catch(() => {});
      }
      if (stopping) break;
      await pause(backoff);
      backoff = Math.min(BACKOFF_MAX_MS, backoff * 2);
    }
  };
  const done = loop().finally(() => warm.close());
  return {
    done,
    get generations() {
      return generations;
    },
    get polling() {
      return current?.getState() === 'RUNNING';
    },
    async stop() {
      stopping = true;
      wake?.();
      if (current && current.getState() === 'RUNNING') current.shutdown();
      await done;
    },
  };
}

const quietBundlerLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => process.stderr.write(`[worker bundle] ${message}\n`),
  error: (message: string) => process.stderr.write(`[worker bundle] ${message}\n`),
};
