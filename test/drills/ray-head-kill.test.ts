// Drill: the Ray head killed (SIGKILL to its whole process group, as a crash) in the middle of a
// training. The stack's supervision starts Ray again; the training still ends Completed (its workflow
// resubmits the job that Ray lost: the jobs work of issue #10), and no job process of the killed Ray
// outlives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { component, kill, rayJobProcesses, sleep, timedCall, validatedDataset, waitRunningAgain } from '../support/drills.js';
import { adminSession } from '../support/identity.js';
import { waitForRayJob } from '../support/probe.js';
import { buildTestApp, hasStack, uniq } from '../support/stack.js';
import { roles } from '../support/train-data.js';
import { startInProcessWorker } from '../support/worker.js';
import { alive } from '../support/processes.js';

const TRAIN_MODULE = 'dataml_jobs.jobs.train';
describe.skipIf(!hasStack)('drill: Ray head killed mid-training', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let token: string;
  beforeAll(async () => {
    t = await buildTestApp();
    worker = await startInProcessWorker(t.config);
    token = (await adminSession(t.deps)).token;
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it('ends Completed after Ray comes back, with no leftover job process', { timeout: 600_000 }, async () => {
    const { datasetId } = await validatedDataset(t, token, 600);
    const tr = await timedCall(t, token, '/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: datasetId,
        predictor_name: uniq('raykill'),
        domain: 'Churn',
        problem_type: 'Classification',
        algorithm: 'random_forest',
        columns: roles('churn', ['segment', 'spend', 'const_flag']),
      },
    });
    expect(tr.status, JSON.stringify(tr.body)).toBe(201);
    await waitForRayJob(t.config.ray.address, tr.body.workflow_id, 'RUNNING', 120_000);
    // The job's driver process is up (it may take a moment after Ray says RUNNING).
    let jobPids: number[] = [];
    for (const until = Date.now() + 30_000; jobPids.length === 0 && Date.now() < until; ) {
      jobPids = rayJobProcesses(TRAIN_MODULE);
      if (!jobPids.length) await sleep(200);
    }
    expect(jobPids.length, 'the training job process was found').toBeGreaterThan(0);

    const before = await component('ray');
    await kill('ray');
    await waitRunningAgain('ray', before.restarts, 240_000);

    let row: any;
    for (const until = Date.now() + 420_000; ; ) {
      row = ((await timedCall(t, token, '/api/v1/train/list')).body.data as any[]).find((x) => x.id === tr.body.id);
      if (['Completed', 'Failed', 'Cancelled'].includes(row?.training_status)) break;
      if (Date.now() > until) throw new Error(`training did not finish: ${JSON.stringify(row)}`);
      await sleep(2000);
    }
    expect(row.training_status, JSON.stringify(row)).toBe('Completed');
    // The killed Ray's job process is gone, and no training job process is left running on this stack.
    expect(jobPids.filter(alive)).toEqual([]);
    expect(rayJobProcesses(TRAIN_MODULE)).toEqual([]);
  });
});
