// Drill: the whole platform is interrupted (Ctrl-C) in the middle of a training and started again. Ray comes
// back empty, so the training's workflow finds its Ray job gone and submits it again: the training ends
// Completed, once, with no job process left from the first run.
// Its own stack, on LOCAL ports shifted by 7500 (LOCAL + 14000 would pass 65535), beside the test stack.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectIcebergTable } from '../support/iceberg.js';
import { rayJobsOf, waitForRayJob } from '../support/probe.js';
import { spawnedStack } from '../support/spawned-stack.js';
import { hasStack, uniq } from '../support/stack.js';
import { customersCsv, roles, TEMPLATE } from '../support/train-data.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dataml-drill-restart-'));
const stack = spawnedStack(7500, dataDir);

async function login(): Promise<string> {
  const res = await fetch(`${stack.base}/api/v1/login/access-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'admin', password: 'admin123' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

function api(token: string) {
  return async (p: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    const res = await fetch(`${stack.base}${p}`, {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    return { status: res.status, body: (await res.json()) as any };
  };
}

describe.skipIf(!hasStack)('drill: whole stack interrupted mid-training and started again', () => {
  let running: ReturnType<typeof stack.start> | undefined;
  afterAll(async () => {
    if (running) await stack.interrupt(running.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('completes the training once, after a resubmission, with nothing left running in between', async () => {
    // The first run holds every training job before it starts (a test hook in the job runner), so that the
    // interruption lands while the training's Ray job runs, however fast the machine.
    // Ray jobs, not warm runners (on by default under `npm start`): this drill is about a Ray job lost with Ray
    // and submitted again; warm steps have their own drill (test/drills/warm-runners.test.ts).
    running = stack.start({ DATAML_TEST_JOB_DELAY: 'train=900', RAY_WARM_RUNNERS: 'off' });
    await running.up;
    let call = api(await login());
    const tpl = await call('/api/v1/template/', { method: 'POST', json: { template_name: uniq('rs'), template_schema: TEMPLATE } });
    expect(tpl.status).toBe(201);
    const form = new FormData();
    form.append('files', new Blob([customersCsv(300, 5)], { type: 'text/csv' }), 'c.csv');
    const up = await call(`/api/v1/dataset/upload?dataset_name=${uniq('rs')}&usage=t&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status).toBe(201);
    let dataset: any;
    for (const until = Date.now() + 180_000; ; ) {
      dataset = ((await call('/api/v1/dataset/list')).body.data as any[]).find((x) => x.id === up.body.dataset_id);
      if (dataset?.is_valid === true) break;
      if (dataset?.is_valid === false || Date.now() > until) throw new Error(`dataset did not validate: ${JSON.stringify(dataset)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const tr = await call('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: up.body.dataset_id,
        predictor_name: uniq('rs'),
        domain: 'Churn',
        problem_type: 'Classification',
        algorithm: 'random_forest',
        columns: roles('churn', ['segment', 'spend', 'const_flag']),
      },
    });
    expect(tr.status).toBe(201);
    const workflowId: string = tr.body.workflow_id;
    const first = await waitForRayJob(stack.config.ray.address, workflowId, 'RUNNING', 120_000);

    await stack.interrupt(running.child);
    running = undefined;
    expect(stack.leftovers([`--workflow-id ${workflowId} `])).toEqual([]);

    running = stack.start({ RAY_WARM_RUNNERS: 'off' }); // no hold this time
    await running.up;
    call = api(await login());
    let training: any;
    for (const until = Date.now() + 300_000; ; ) {
      training = ((await call('/api/v1/train/list')).body.data as any[]).find((x) => x.id === tr.body.id);
      if (['Completed', 'Failed', 'Cancelled'].includes(training?.training_status)) break;
      if (Date.now() > until) throw new Error(`training did not finish: ${JSON.stringify(training)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(training.training_status, JSON.stringify(training)).toBe('Completed');
    // The restarted Ray knows only the resubmission, which succeeded; the training points at it.
    // (The version's ONNX copy is a later step of the same workflow, after Completed: only the training step counts.)
    const jobs = (await rayJobsOf(stack.config.ray.address, workflowId)).filter((j) => j.submission_id.includes('--train-'));
    expect(jobs.map((j) => [j.submission_id, j.status])).toEqual([[`${first.submission_id}-a2`, 'SUCCEEDED']]);
    expect(training.ray_job_id).toBe(`${first.submission_id}-a2`);

    // Once: one training of this id, one job record, and the dataset's rows as validated.
    expect(((await call('/api/v1/train/list')).body.data as any[]).filter((x) => x.id === tr.body.id)).toHaveLength(1);
    const db = new pg.Client({ connectionString: stack.config.postgres.url });
    await db.connect();
    try {
      // The job record ends with the workflow, which makes the version's ONNX copy after the training is Completed.
      let rows = await db.query('select status from jobs where workflow_id = $1', [workflowId]);
      for (const until = Date.now() + 180_000; rows.rows[0]?.status === 'Running' && Date.now() < until; ) {
        await new Promise((r) => setTimeout(r, 1000));
        rows = await db.query('select status from jobs where workflow_id = $1', [workflowId]);
      }
      expect(rows.rows).toEqual([{ status: 'Completed' }]);
    } finally {
      await db.end();
    }
    const lake = inspectIcebergTable(stack.config, `silver.${dataset.iceberg_table_name}`);
    expect(lake.rows).toBe(300);
    expect(lake.snapshots).toBe(1);

    await stack.interrupt(running.child);
    running = undefined;
    expect(stack.leftovers()).toEqual([]);
  }, 900_000);
});
