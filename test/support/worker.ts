// Workers for tests: in-process (fast) or as a child process (so a test can kill it like a crash).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { JobMetrics } from '../../activities/job-metrics.js';
import type { Config } from '../../config/config.js';
import { connectWorker } from '../../worker/create-worker.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** The worker that worker/main.ts runs, in this process. */
export async function startInProcessWorker(config: Config, metrics?: JobMetrics) {
  const { worker, close } = await connectWorker(config, metrics);
  const running = worker.run();
  return {
    worker,
    async stop() {
      worker.shutdown();
      await running;
      await close();
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
