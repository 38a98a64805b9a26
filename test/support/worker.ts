// Workers for tests: in-process (fast) or as a child process (so a test can kill it like a crash).
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NativeConnection, Runtime, Worker, DefaultLogger } from '@temporalio/worker';
import { createActivities } from '../../activities/index.js';
import { RayJobsClient } from '../../integrations/ray-jobs-client.js';
import type { Config } from '../../config/config.js';
import { createDb } from '../../db/connection.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
let runtimeQuiet = false;

export async function startInProcessWorker(config: Config) {
  if (!runtimeQuiet) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeQuiet = true;
  }
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const db = createDb(config.postgres.url, 5);
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowsPath: require.resolve('../../workflows/index.ts'),
    activities: createActivities({ config, db, ray: new RayJobsClient(config.ray.address) }),
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await db.destroy();
    },
  };
}

/** The real worker entrypoint in a child process of its own. */
export function spawnWorkerProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
