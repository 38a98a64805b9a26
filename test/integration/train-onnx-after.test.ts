// The ONNX copy of a version is made after the version is Completed (workflows/onnx.ts), on the real stack: the
// training is usable (9.1 answers with the Python pipeline) while its copy is still being made, then serves with it.
// The worker here is the real one except that the recording of the ONNX copy waits for this test's go, so the
// "not ready yet" state is held for as long as the test looks at it, whatever the machine's speed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { jobEnvironment } from '../../config/config.js';
import { createDb } from '../../db/connection.js';
import { RayJobsClient } from '../../integrations/ray-jobs-client.js';
import { createS3 } from '../../integrations/s3-client.js';
import { createWorker } from '../../worker/create-worker.js';
import { workflowPhases } from '../support/workflow-phases.js';
import { adminSession } from '../support/identity.js';
import { buildTestApp, uniq } from '../support/stack.js';
import { customersCsv, roles, TEMPLATE } from '../support/train-data.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SCORE = customersCsv(12, 77);

describe('the ONNX copy after Completed', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;
  let stopWorker: () => Promise<void>;
  let release!: () => void;
  const onnxRecordingAllowed = new Promise<void>((r) => (release = r));
  let onnxRecordings = 0;

  const json = async (p: string, init: RequestInit & { json?: unknown } = {}) => {
    const res = await t.call(p, { ...init, token });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
  };
  async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 240_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await f();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`${what}: not reached in ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const artifactOf = async (id: number) =>
    (await t.deps.db.selectFrom('trainings').select(['artifact']).where('id', '=', id).executeTakeFirstOrThrow()).artifact as any;

  beforeAll(async () => {
    t = await buildTestApp();
    token = (await adminSession(t.deps)).token;
    const connection = await NativeConnection.connect({ address: t.config.temporal.address });
    const db = createDb(t.config.postgres.url, 3);
    const real = createActivities({ config: t.config, db, ray: new RayJobsClient(t.config.ray.address), s3: createS3(t.config) });
    const worker = await createWorker({
      connection,
      namespace: t.config.temporal.namespace,
      taskQueue: t.config.temporal.taskQueue,
      activities: {
        ...real,
        recordOnnx: async (input: Parameters<typeof real.recordOnnx>[0]) => {
          onnxRecordings++;
          await onnxRecordingAllowed;
          return real.recordOnnx(input);
        },
      },
    });
    const running = worker.run();
    stopWorker = async () => {
      release();
      worker.shutdown();
      await running;
      await connection.close();
      await db.destroy();
    };
  }, 120_000);
  afterAll(async () => {
    await stopWorker?.();
    await t?.close();
  });

  it('Completed comes first and 9.1 answers with the Python pipeline; then the ONNX copy is recorded and serves', async () => {
    const tpl = await json('/api/v1/template/', { method: 'POST', json: { template_name: uniq('onnx_after'), template_schema: TEMPLATE } });
    expect(tpl.status).toBe(201);
    const form = new FormData();
    form.append('files', new Blob([customersCsv(400)], { type: 'text/csv' }), 'customers.csv');
    const up = await json(`/api/v1/dataset/upload?dataset_name=${uniq('onnx_after')}&usage=t&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    await until('dataset valid', async () => {
      const d = await t.deps.db.selectFrom('datasets').select(['is_valid']).where('id', '=', up.body.dataset_id).executeTakeFirstOrThrow();
      if (d.is_valid === false) throw new Error('the dataset did not validate');
      return d.is_valid === true ? true : undefined;
    });
    const tr = await json('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: up.body.dataset_id,
        predictor_name: uniq('onnx_after'),
        domain: 'Churn',
        problem_type: 'Classification',
        algorithm: 'lightgbm',
        columns: roles('churn', ['segment', 'spend', 'const_flag']),
      },
    });
    expect(tr.status, JSON.stringify(tr.body)).toBe(201);
    const id = tr.body.id as number;
    const row = await until('training ended', async () => {
      const r = ((await json('/api/v1/train/list')).body.data as any[]).find((x) => x.id === id);
      return ['Completed', 'Failed', 'Cancelled'].includes(r?.training_status) ? r : undefined;
    });
    expect(row.training_status, JSON.stringify(row)).toBe('Completed');

    // Usable before its ONNX copy: the record says so, and the train step exported nothing.
    const pending = await artifactOf(id);
    expect(pending).toMatchObject({ onnx_status: 'pending', onnx_key: null, onnx: null });
    expect(pending.model_key).toMatch(/model\.joblib$/);

    // 9.1 answers right away, with the pipeline's own predictions (the Python fallback serves a version without a copy).
    const dir = mkdtempSync(path.join(tmpdir(), 'onnx-after-'));
    writeFileSync(path.join(dir, 'rows.csv'), SCORE);
    const ref = JSON.parse(
      execFileSync(
        path.join(ROOT, 'ml/.venv/bin/python'),
        [path.join(ROOT, 'test/support/predict_reference.py'), pending.model_key, path.join(dir, 'rows.csv')],
        { env: { ...process.env, ...jobEnvironment(t.config) }, cwd: path.join(ROOT, 'ml'), encoding: 'utf8' },
      )
        .trim()
        .split('\n')
        .pop()!,
    ) as { labels: unknown[]; proba: number[][] };
    const [header, ...lines] = SCORE.trim().split('\n');
    const cols = header!.split(',');
    const inputs = lines.map((l) => {
      const cells = l.split(',');
      const f: Record<string, unknown> = {};
      for (const c of ['age', 'tenure', 'plan', 'active']) {
        const v = cells[cols.indexOf(c)]!;
        if (v === '') continue;
        f[c] = c === 'plan' ? v : c === 'active' ? v === 'true' : Number(v);
      }
      return f;
    });
    const predictAll = async () => {
      const out = [];
      for (const features of inputs) {
        const res = await json('/api/v1/inference/', {
          method: 'POST',
          json: { train_id: id, preprocess_id: row.preprocess_id, target: 'churn', features },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        out.push(res.body);
      }
      return out;
    };
    const beforeCopy = await predictAll();
    expect(beforeCopy.map((p) => p.prediction)).toEqual(ref.labels);
    for (const [i, p] of beforeCopy.entries()) expect(p.probabilities.true).toBeCloseTo(ref.proba[i]![1]!, 6);
    expect((await artifactOf(id)).onnx_status).toBe('pending'); // still served without the copy
    await t.deps.serving.recorder.flush();
    const served = await t.deps.db
      .selectFrom('predictions')
      .select(['serving', 'no_of_records'])
      .where('training_id', '=', id)
      .where('prediction_type', '=', 'realtime')
      .execute();
    // Counted per minute: requests that straddle a minute boundary make two records; every request is counted once,
    // every one served by Python.
    expect(served.map((s) => s.serving)).toEqual(served.map(() => 'python'));
    expect(served.reduce((n, s) => n + (s.no_of_records ?? 0), 0)).toBe(inputs.length);

    // The follow-up step made the copy (it waits here only for its recording): let it record, the workflow ends.
    await until('the ONNX step reached its recording', async () => (onnxRecordings > 0 ? true : undefined));
    release();
    await t.deps.temporal.workflow.getHandle(row.workflow_id).result();
    const ready = await artifactOf(id);
    expect(ready).toMatchObject({ onnx_status: 'ready', onnx_reason: null, model_key: pending.model_key });
    expect(ready.onnx_key).toBe(pending.model_key.replace(/model\.joblib$/, 'model.onnx'));
    expect(ready.onnx).toMatchObject({ key: ready.onnx_key, checked_rows: expect.any(Number), max_abs_diff: expect.any(Number) });
    await t.deps.s3.send(new HeadObjectCommand({ Bucket: t.config.s3.bucket, Key: ready.onnx_key }));
    const meta = JSON.parse(
      await (await t.deps.s3.send(new GetObjectCommand({ Bucket: t.config.s3.bucket, Key: ready.metadata_key }))).Body!.transformToString(),
    );
    expect(meta).toMatchObject({ onnx_status: 'ready', onnx: { key: ready.onnx_key } });

    // In the history: Completed was written before the ONNX step was even submitted.
    const phases = await workflowPhases(t.deps.temporal.workflow.getHandle(row.workflow_id));
    const completedAt = phases.activities.find((a) => a.name === 'recordTrainingResult')!.completed;
    expect(phases.steps).toHaveLength(2);
    expect(phases.steps[1]!.submit[0]).toBeGreaterThanOrEqual(completedAt);

    // Served with the ONNX copy once serving reads the row again: the same answers.
    await t.deps.serving.warm(row.tenant_id, id);
    const afterCopy = await predictAll();
    expect(afterCopy.map((p) => p.prediction)).toEqual(ref.labels);
    for (const [i, p] of afterCopy.entries()) expect(p.probabilities.true).toBeCloseTo(ref.proba[i]![1]!, 3);
  }, 600_000);
});
