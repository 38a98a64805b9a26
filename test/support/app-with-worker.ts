// For a describe block of job tests: the app against the test stack and an in-process worker, started
// before its tests and stopped after them (vitest hooks, so only for test files).
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp } from './stack.js';
import { startInProcessWorker } from './worker.js';

export function appWithWorker(overrides: Record<string, string> = {}) {
  const s = {} as {
    t: Awaited<ReturnType<typeof buildTestApp>>;
    worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  };
  beforeAll(async () => {
    s.t = await buildTestApp(overrides);
    s.worker = await startInProcessWorker(s.t.config);
  });
  afterAll(async () => {
    await s.worker?.stop();
    await s.t?.close();
  });
  return s;
}
