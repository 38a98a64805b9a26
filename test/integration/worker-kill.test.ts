// A worker killed while its job runs: another worker picks the workflow up, finds the same Ray job
// (the submission id is derived from the workflow run) and completes. Exactly one Ray job ran.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectIcebergTable } from '../support/iceberg.js';
import { probeInput, rayJobsOf, startProbe, waitForRayJob } from '../support/probe.js';
import { buildTestApp } from '../support/stack.js';
import { spawnWorkerProcess } from '../support/worker.js';

describe('worker killed during a job', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('completes on a new worker with exactly one Ray job', async () => {
    const first = spawnWorkerProcess({});
    const input = probeInput({ rows: 12, sleepSeconds: 6 });
    const handle = await startProbe(t.deps.temporal, t.config, input);
    await waitForRayJob(t.config.ray.address, handle.workflowId, 'RUNNING', 90_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const second = spawnWorkerProcess({});
    try {
      const result = await handle.result();
      expect(result.rows).toBe(12);
      const jobs = await rayJobsOf(t.config.ray.address, handle.workflowId);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.status).toBe('SUCCEEDED');
      expect(inspectIcebergTable(t.config, result.table).rows).toBe(12);
    } finally {
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
    }
  });
});
