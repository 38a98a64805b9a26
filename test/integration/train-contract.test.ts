// Three seed-contract points of the train module that need no Ray job (issue 10):
//  - 8.10 while a SHAP job of the model is submitted, running or done answers 200 with that job, and concurrent
//    calls start one job;
//  - 8.7 and 8.11 without a valid secret answer 401 whatever the body, and change nothing (no signal reaches the
//    workflow, the row is untouched).
// Trainings are rows written directly; the workflows they point at are real Temporal workflows on a task queue
// no worker polls, so a signal is visible in their history and nothing runs.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimShap } from '../../db/repositories/train.js';
import { adminSession } from '../support/identity.js';
import { buildTestApp, hasStack, uniq } from '../support/stack.js';
import { insertTraining } from '../support/training-rows.js';

describe.skipIf(!hasStack)('train: 8.10 idempotent, 8.7 / 8.11 need the job secret', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;
  let tenantId: string;
  let datasetId: number;
  const idleQueue = `accounts-idle-${randomUUID()}`;
  const started: string[] = [];

  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

  /** A real workflow that never runs (no worker polls its queue): its history records every signal. */
  async function idleWorkflow(prefix: string) {
    const id = `${prefix}-${randomUUID()}`;
    await t.deps.temporal.workflow.start('trainWorkflow', { taskQueue: idleQueue, workflowId: id, args: [] });
    started.push(id);
    return id;
  }
  async function signalsOf(workflowId: string) {
    const history = await t.deps.temporal.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes).length;
  }

  async function training(over: Record<string, unknown> = {}) {
    const secret = randomBytes(24).toString('base64url');
    const id = await insertTraining(t.deps.db, tenantId, 'p', {
      dataset_id: datasetId,
      template_id: null,
      template_version: null,
      columns: '[]',
      callback_secret_sha256: sha256(secret),
      workflow_id: `train-test-${randomUUID()}`,
      snapshot_id: '1',
      artifact: JSON.stringify({ model_key: 'tenants/none/model.bin' }),
      ...over,
    });
    return { id, secret };
  }
  const row = (id: number) => t.deps.db.selectFrom('trainings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const generate = async (id: number) => {
    const res = await t.call(`/api/v1/train/generate-feature-importance?train_id=${id}`, { token });
    return { status: res.status, body: (await res.json()) as any };
  };
  const callback = (path: string, body: unknown, secret?: string, raw?: string) =>
    t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-callback-secret': secret } : {}) },
      body: raw ?? JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await buildTestApp();
    ({ token, tenantId } = await adminSession(t.deps));
    const d = await t.deps.db
      .insertInto('datasets')
      .values({
        tenant_id: tenantId,
        dataset_name: uniq('ds'),
        usage: 't',
        data_source: 'csv',
        iceberg_table_name: uniq('none'),
        is_valid: true,
        created_by: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    datasetId = d.id;
  });
  afterAll(async () => {
    // Nothing started here may run later under another suite's worker.
    for (const id of started)
      await t.deps.temporal.workflow
        .getHandle(id)
        .terminate('test over')
        .catch(() => undefined);
    await t?.close();
  });

  it('8.10 answers 200 with the SHAP job already submitted, running or completed, and starts nothing', async () => {
    for (const status of ['Submitted', 'Running', 'Completed']) {
      const existing = `shap-existing-${randomUUID()}`;
      const { id } = await training({
        shap_status: status,
        shap_workflow_id: existing,
        ...(status === 'Completed' ? { shap_result: '{"a":1}' } : {}),
      });
      const before = await row(id);
      const r = await generate(id);
      expect(r.status, `${status}: ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body).toMatchObject({ status: 'success', shap_job_id: existing });
      const after = await row(id);
      expect(after.shap_status).toBe(before.shap_status);
      expect(after.shap_workflow_id).toBe(existing);
      expect(after.shap_result).toEqual(before.shap_result);
    }
    // A model that is not completed still answers 409.
    const { id: running } = await training({ status: 'Running' });
    expect((await generate(running)).status).toBe(409);
  });

  it('8.10: concurrent calls for a model without SHAP start one job and all answer it; a failed job is replaced', async () => {
    const { id } = await training();
    const answers = await Promise.all([generate(id), generate(id), generate(id)]);
    for (const a of answers) started.push(a.body.shap_job_id);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const ids = new Set(answers.map((a) => a.body.shap_job_id));
    expect(ids.size).toBe(1);
    const [jobId] = [...ids];
    expect((await t.deps.temporal.workflow.getHandle(jobId!).describe()).status.name).toBe('RUNNING');
    await t.deps.temporal.workflow.getHandle(jobId!).terminate('test: no SHAP job should run');
    expect((await row(id)).shap_workflow_id).toBe(jobId);

    // A failed job does not block a new one.
    await t.deps.db
      .updateTable('trainings')
      .set({ shap_status: 'Failed' } as never)
      .where('id', '=', id)
      .execute();
    const again = await generate(id);
    started.push(again.body.shap_job_id);
    expect(again.status).toBe(200);
    expect(again.body.shap_job_id).not.toBe(jobId);
    await t.deps.temporal.workflow.getHandle(again.body.shap_job_id).terminate('test: no SHAP job should run');
  });

  it('claimShap lets exactly one of many concurrent claims through', async () => {
    const { id } = await training();
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimShap(t.deps.db, id, `shap-claim-${i}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await row(id)).shap_workflow_id).toBe(`shap-claim-${claims.indexOf(true)}`);
  });

  it('8.7 without a valid secret: 401 whatever the body, no signal, nothing changed; the valid secret is forwarded', async () => {
    const workflowId = await idleWorkflow('train-callback');
    const { id, secret } = await training({ status: 'Running', workflow_id: workflowId, ray_submission_id: 'sub-callback-test' });
    const before = await row(id);
    const good = { train_id: id, result: { metrics: { accuracy: 0.01 } } };
    const attempts: Array<[string, Response]> = [
      ['no secret', await callback('/api/v1/train/result', good)],
      ['wrong secret', await callback('/api/v1/train/result', good, 'not-the-secret-of-this-job')],
      ['short secret', await callback('/api/v1/train/result', good, 'x')],
      ['another training', await callback('/api/v1/train/result', { ...good, train_id: 987_654_321 }, secret)],
      ['no train_id', await callback('/api/v1/train/result', { result: {} }, secret)],
      ['invalid body, no secret', await callback('/api/v1/train/result', { train_id: 'x' })],
      ['not JSON, no secret', await callback('/api/v1/train/result', null, undefined, '{not json')],
      ['not JSON, wrong secret', await callback('/api/v1/train/result', null, 'not-the-secret-of-this-job', '{not json')],
    ];
    for (const [what, res] of attempts) {
      expect(res.status, what).toBe(401);
      expect(((await res.json()) as any).error.code, what).toBe('unauthorized');
    }
    expect(await signalsOf(workflowId)).toBe(0);
    expect(await row(id)).toEqual(before);

    // The same request with the job's secret reaches the workflow (so the checks above could have failed).
    const ok = await callback('/api/v1/train/result', good, secret);
    expect(ok.status).toBe(200);
    expect(await signalsOf(workflowId)).toBe(1);
  });

  it('8.11 without a valid secret: 401 whatever the body, no signal, nothing changed; the valid secret is forwarded', async () => {
    const shapWorkflow = await idleWorkflow('shap-callback');
    const { id, secret } = await training({ shap_status: 'Running', shap_workflow_id: shapWorkflow });
    await t.deps.db
      .insertInto('jobs')
      .values({
        tenant_id: tenantId,
        kind: 'shap',
        resource_id: String(id),
        workflow_id: shapWorkflow,
        ray_submission_id: 'sub-shap-test',
        status: 'Running',
        message: null,
        result: null,
      })
      .execute();
    const before = await row(id);
    const good = { training_id: id, result: { age: 0.5, plan: 0.5 } };
    const attempts: Array<[string, Response]> = [
      ['no secret', await callback('/api/v1/train/shap-result', good)],
      ['wrong secret', await callback('/api/v1/train/shap-result', good, 'not-the-secret-of-this-job')],
      ['another training', await callback('/api/v1/train/shap-result', { ...good, training_id: 987_654_321 }, secret)],
      ['train_id instead of training_id', await callback('/api/v1/train/shap-result', { train_id: id, result: {} }, secret)],
      ['invalid body, no secret', await callback('/api/v1/train/shap-result', { result: 'x' })],
      ['not JSON, no secret', await callback('/api/v1/train/shap-result', null, undefined, '[')],
    ];
    for (const [what, res] of attempts) expect(res.status, what).toBe(401);
    expect(await signalsOf(shapWorkflow)).toBe(0);
    expect(await row(id)).toEqual(before);

    const ok = await callback('/api/v1/train/shap-result', good, secret);
    expect(ok.status).toBe(200);
    expect(await signalsOf(shapWorkflow)).toBe(1);
  });
});
