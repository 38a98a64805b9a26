// The worker of the platform's workflows, built the same way by worker/main.ts and by the tests.
import { createRequire } from 'node:module';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions, type WorkflowBundle } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import type { JobMetrics } from '../activities/job-metrics.js';
import type { Tracing } from '../api/tracing/tracing.js';
import type { Config } from '../config/config.js';
import { createDb } from '../db/connection.js';
import { RayJobsClient } from '../integrations/ray-jobs-client.js';
import { createS3 } from '../integrations/s3-client.js';
import { WarmRunners } from '../integrations/warm-runners.js';

const require = createRequire(import.meta.url);

/** The one workflowsPath: every workflow the worker registers. */
export const WORKFLOWS_PATH = require.resolve('../workflows/index.ts');

/**
 * Temporal's OpenTelemetry workflow interceptors: a span per workflow run, signal and activity scheduled, the trace
 * context carried in their headers. Bundled only with tracing on (they need the span sink set below).
 */
export const TRACING_WORKFLOW_MODULES = [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];

/**
 * The worker options that trace workflows and activities: activity spans (their log attributes carry the trace
 * id) and the sink through which the workflow sandbox hands its spans to the process's span processor.
 */
function tracingOptions(tracing: Tracing, bundled: boolean): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  return {
    interceptors: {
      ...(bundled ? {} : { workflowModules: TRACING_WORKFLOW_MODULES }),
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}

let runtimeInstalled = false;

/**
 * The SDK's own logger: warnings and errors only, unless the log level asks for more. Once per process.
 * Shutdown signals are the process's own business (worker/main.ts stops its supervised worker itself).
 */
export function installSdkLogger(logLevel: Config['logLevel']): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger(logLevel === 'debug' || logLevel === 'trace' ? 'DEBUG' : 'WARN'), shutdownSignals: [] });
}

/**
 * A worker of every workflow on `connection`, with the given activities (real ones, or fakes in unit tests).
 * A pre-built `workflowBundle` saves bundling again when a worker is recreated after an outage.
 */
export function createWorker(opts: {
  connection: NativeConnection;
  namespace?: string;
  taskQueue: string;
  activities: object;
  workflowBundle?: WorkflowBundle;
  /** With tracing on; a pre-built bundle must then include TRACING_WORKFLOW_MODULES. */
  tracing?: Tracing;
}): Promise<Worker> {
  const { workflowBundle, tracing, ...rest } = opts;
  const traced = tracing ? tracingOptions(tracing, Boolean(workflowBundle)) : {};
  return Worker.create(workflowBundle ? { ...rest, ...traced, workflowBundle } : { ...rest, ...traced, workflowsPath: WORKFLOWS_PATH });
}

/**
 * Connects to Temporal and Postgres and creates the worker with the real activities. `close()` releases the
 * connections once `worker.run()` has returned.
 */
export async function connectWorker(config: Config, metrics?: JobMetrics): Promise<{ worker: Worker; close: () => Promise<void> }> {
  installSdkLogger(config.logLevel);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const db = createDb(config.postgres.url, 5);
  const warm = new WarmRunners(config);
  const close = async () => {
    warm.close();
    await connection.close();
    await db.destroy();
  };
  try {
    const worker = await createWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      activities: createActivities({ config, db, ray: new RayJobsClient(config.ray.address), s3: createS3(config), warm, metrics }),
    });
    return { worker, close };
  } catch (err) {
    await close();
    throw err;
  }
}
