// A worker killed while a dataset is being validated: a new worker finishes the upload-validate workflow,
// exactly one Ray job ran, the Iceberg table holds each valid row once, and the dataset says valid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession } from '../support/identity.js';
import { inspectIcebergTable } from '../support/iceberg.js';
import { rayJobsOf, waitForRayJob } from '../support/probe.js';
import { buildTestApp, uniq } from '../support/stack.js';
import { spawnWorkerProcess } from '../support/worker.js';

const ROWS = 150_000;

describe('worker killed during validation', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;
  beforeAll(async () => {
    t = await buildTestApp();
    token = (await adminSession(t.deps)).token;
  });
  afterAll(async () => t?.close());

  const json = async (p: string, init: RequestInit & { json?: unknown } = {}) => {
    const res = await t.call(p, { ...init, token });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('completes on a new worker without duplicating rows', async () => {
    const tpl = await json('/api/v1/template/', {
      method: 'POST',
      json: {
        template_name: uniq('kill'),
        template_schema: [
          { column_name: 'id', data_type: 'Integer' },
          { column_name: 'value', data_type: 'Float' },
        ],
      },
    });
    expect(tpl.status).toBe(201);
    const lines = ['id,value'];
    for (let i = 1; i <= ROWS; i++) lines.push(`${i},${(i * 0.5).toFixed(1)}`);
    const form = new FormData();
    form.append('files', new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }), 'big.csv');

    const first = spawnWorkerProcess({});
    const up = await json(`/api/v1/dataset/upload?dataset_name=${uniq('killds')}&usage=t&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status).toBe(201);
    const workflowId: string = up.body.workflow_id;
    await waitForRayJob(t.config.ray.address, workflowId, 'RUNNING', 120_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const second = spawnWorkerProcess({});
    try {
      await t.deps.temporal.workflow.getHandle(workflowId).result();
      const jobs = await rayJobsOf(t.config.ray.address, workflowId);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.status).toBe('SUCCEEDED');

      const files = await json(`/api/v1/files/list?dataset_id=${up.body.dataset_id}`);
      expect(files.body.data[0]).toMatchObject({ status: 'valid', total_records: ROWS });
      const ds = (await json(`/api/v1/dataset/get_dataset_by_id?dataset_id=${up.body.dataset_id}`)).body;
      const lake = inspectIcebergTable(t.config, `silver.${ds.iceberg_table_name}`);
      expect(lake.rows).toBe(ROWS);
      expect(lake.snapshots).toBe(1);
      expect(lake.sum).toBeCloseTo((ROWS * (ROWS + 1)) / 4, 3);
      expect(new Set(lake.ids).size).toBe(ROWS);
    } finally {
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
    }
  });
});
