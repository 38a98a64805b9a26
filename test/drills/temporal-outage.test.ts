// Drill: Temporal stopped while the platform runs. A job-starting route answers a fast 503 (not a 500
// after 20 s); the worker process keeps running (it recreates its Temporal worker with backoff), and once
// Temporal is back the same API starts the job and the same worker completes it.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { component, holdDown, sleep, timedCall, validatedDataset, waitRunningAgain } from '../support/drills.js';
import { adminSession } from '../support/identity.js';
import { buildTestApp, hasStack } from '../support/stack.js';
import { spawnWorkerProcess } from '../support/worker.js';

describe.skipIf(!hasStack)('drill: Temporal stopped', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;
  let worker: ChildProcess;
  let workerExit: number | string | null = null;
  beforeAll(async () => {
    t = await buildTestApp();
    token = (await adminSession(t.deps)).token;
    // The real worker entrypoint, in its own process: an outage must not end it.
    worker = spawnWorkerProcess({});
    worker.once('exit', (code, signal) => (workerExit = code ?? signal));
  });
  afterAll(async () => {
    if (worker && workerExit === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
    }
    await t?.close();
  });

  it('answers 503 fast on a job-starting route, then starts and completes the job once Temporal is back', {
    timeout: 480_000,
  }, async () => {
    const { datasetId } = await validatedDataset(t, token);
    const before = await component('temporal');
    await holdDown('temporal', 10);

    const refused = await timedCall(t, token, `/api/v1/dataset/generate_statistics?dataset_id=${datasetId}`, { method: 'POST' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(503);
    expect(refused.body.error).toEqual({ code: 'dependency_unavailable', message: 'Temporal is unavailable; retry shortly' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.ms).toBeLessThan(2000);
    // What does not need Temporal keeps working.
    expect((await timedCall(t, token, '/api/v1/dataset/list')).status).toBe(200);

    await waitRunningAgain('temporal', before.restarts, 120_000);
    let started: Awaited<ReturnType<typeof timedCall>> | undefined;
    for (const until = Date.now() + 60_000; ; ) {
      started = await timedCall(t, token, `/api/v1/dataset/generate_statistics?dataset_id=${datasetId}`, { method: 'POST' });
      if (started.status === 200) break;
      expect(started.status, JSON.stringify(started.body)).toBe(503); // until the API's connection is back
      if (Date.now() > until) throw new Error(`the API did not reach Temporal again: ${JSON.stringify(started.body)}`);
      await sleep(1000);
    }
    let stats: any;
    for (const until = Date.now() + 240_000; ; ) {
      stats = (await timedCall(t, token, `/api/v1/dataset/statistics?dataset_id=${datasetId}`)).body;
      if (['Completed', 'Failed', 'Cancelled'].includes(stats?.status)) break;
      if (Date.now() > until) throw new Error(`statistics did not finish: ${JSON.stringify(stats)}`);
      await sleep(1000);
    }
    expect(stats.status, JSON.stringify(stats)).toBe('Completed');
    expect(workerExit).toBeNull();
  });
});
