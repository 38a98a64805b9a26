// A worker killed while a training's Ray job runs: another worker takes the workflow over, finds the same Ray job
// (the submission id is derived from the workflow run) and the model completes. Exactly one Ray job ran.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession } from '../support/identity.js';
import { rayJobsOf, waitForRayJob } from '../support/probe.js';
import { buildTestApp, uniq } from '../support/stack.js';
import { customersCsv, roles, TEMPLATE } from '../support/train-data.js';
import { spawnWorkerProcess } from '../support/worker.js';

describe('worker killed during a training', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;
  const json = async (p: string, init: RequestInit & { json?: unknown } = {}) => {
    const res = await t.call(p, { ...init, token });
    return { status: res.status, body: (await res.json()) as any };
  };
  beforeAll(async () => {
    t = await buildTestApp();
    token = (await adminSession(t.deps)).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('completes on a new worker with exactly one Ray job', { timeout: 400_000 }, async () => {
    let worker = spawnWorkerProcess({});
    try {
      const tpl = await json('/api/v1/template/', { method: 'POST', json: { template_name: uniq('wk'), template_schema: TEMPLATE } });
      const form = new FormData();
      form.append('files', new Blob([customersCsv(600, 3)], { type: 'text/csv' }), 'c.csv');
      const up = await json(`/api/v1/dataset/upload?dataset_name=${uniq('wk')}&usage=t&template_id=${tpl.body.id}`, {
        method: 'POST',
        body: form,
      });
      expect(up.status).toBe(201);
      for (const until = Date.now() + 180_000; ; ) {
        const d = ((await json('/api/v1/dataset/list')).body.data as any[]).find((x) => x.id === up.body.dataset_id);
        if (d?.is_valid === true) break;
        if (d?.is_valid === false || Date.now() > until) throw new Error(`dataset did not validate: ${JSON.stringify(d)}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      const tr = await json('/api/v1/train/', {
        method: 'POST',
        json: {
          dataset_id: up.body.dataset_id,
          predictor_name: uniq('wk'),
          domain: 'Churn',
          problem_type: 'Classification',
          algorithm: 'random_forest',
          columns: roles('churn', ['segment', 'spend', 'const_flag']),
        },
      });
      expect(tr.status).toBe(201);
      await waitForRayJob(t.config.ray.address, tr.body.workflow_id, 'RUNNING', 90_000);
      worker.kill('SIGKILL');
      await new Promise((r) => worker.once('exit', r));
      worker = spawnWorkerProcess({});

      let row: any;
      for (const until = Date.now() + 240_000; ; ) {
        row = ((await json('/api/v1/train/list')).body.data as any[]).find((x) => x.id === tr.body.id);
        if (['Completed', 'Failed', 'Cancelled'].includes(row?.training_status)) break;
        if (Date.now() > until) throw new Error(`training did not finish: ${JSON.stringify(row)}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(row.training_status, JSON.stringify(row)).toBe('Completed');
      // The training step's jobs (the version's ONNX copy is a later step of the same workflow, after Completed).
      const jobs = (await rayJobsOf(t.config.ray.address, tr.body.workflow_id)).filter((j) => j.submission_id.includes('--train-'));
      expect(jobs.map((j) => j.status)).toEqual(['SUCCEEDED']);
      expect(row.ray_job_id).toBe(jobs[0]!.submission_id);
    } finally {
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
    }
  });
});
