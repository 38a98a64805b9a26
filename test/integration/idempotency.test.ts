// Idempotency-Key on the real stack (Postgres keys, Temporal workflows): a retried upload with the same key
// answers the first answer and starts no second file nor workflow; concurrent same-key requests start one;
// the same key on another request is refused; without a key nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession } from '../support/identity.js';
import { buildTestApp, uniq } from '../support/stack.js';

const CSV = 'id,name\n1,a\n2,b\n';

describe('Idempotency-Key', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;
  const workflows: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp();
    token = (await adminSession(t.deps)).token;
  });
  afterAll(async () => {
    // No worker runs here: the validations started are ended so no other suite's worker picks them up.
    for (const id of workflows)
      await t.deps.temporal.workflow
        .getHandle(id)
        .terminate('test over')
        .catch(() => undefined);
    await t?.close();
  });

  const upload = async (path: string, key: string | undefined, content = CSV) => {
    const form = new FormData();
    form.append('files', new Blob([content], { type: 'text/csv' }), 'data.csv');
    const res = await t.call(path, { method: 'POST', body: form, token, headers: key ? { 'idempotency-key': key } : {} });
    const body = (await res.json()) as any;
    if (typeof body.workflow_id === 'string') workflows.push(body.workflow_id);
    return { status: res.status, body, replayed: res.headers.get('idempotent-replayed') };
  };
  const filesOf = async (datasetId: number) =>
    (await t.deps.db.selectFrom('dataset_files').select('workflow_id').where('dataset_id', '=', datasetId).execute()).length;

  it('answers a retry with the first answer and starts nothing new', async () => {
    const key = uniq('key');
    const path = `/api/v1/dataset/upload?dataset_name=${uniq('idem')}&usage=p`;
    const first = await upload(path, key);
    expect(first.status).toBe(201);
    expect(first.replayed).toBeNull();
    const again = await upload(path, key);
    expect(again.status).toBe(201);
    expect(again.replayed).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await filesOf(first.body.dataset_id)).toBe(1);
    const described = await t.deps.temporal.workflow.getHandle(first.body.workflow_id).describe();
    expect(described.workflowId).toBe(first.body.workflow_id);

    // Without the key the same upload is a new request: the duplicate name is refused as before.
    expect((await upload(path, undefined)).status).toBe(409);
  });

  it('starts one file and one workflow for concurrent requests with one key', async () => {
    const created = await upload(`/api/v1/dataset/upload?dataset_name=${uniq('idem')}&usage=p`, undefined);
    expect(created.status).toBe(201);
    const datasetId = created.body.dataset_id as number;
    const key = uniq('key');
    const more = 'id,name\n3,c\n';
    const answers = await Promise.all([1, 2, 3].map(() => upload(`/api/v1/files/add?dataset_id=${datasetId}`, key, more)));
    const ok = answers.filter((a) => a.status < 300);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // The others either waited for nothing (409 in use, with Retry-After semantics) or got the replay.
    for (const a of answers.filter((x) => x.status >= 300)) expect(a.body.error.code).toBe('idempotency_key_in_use');
    expect(new Set(ok.map((a) => a.body.workflow_id)).size).toBe(1);
    expect(await filesOf(datasetId)).toBe(2);
    // Once done, a retry is a replay.
    const retry = await upload(`/api/v1/files/add?dataset_id=${datasetId}`, key, more);
    expect(retry.status).toBe(ok[0]!.status);
    expect(retry.replayed).toBe('true');
    expect(retry.body.workflow_id).toBe(ok[0]!.body.workflow_id);
  });

  it('refuses the same key on another request, and a malformed key', async () => {
    const key = uniq('key');
    const a = await t.call('/api/v1/template/', {
      method: 'POST',
      token,
      json: { template_name: uniq('tpl') },
      headers: { 'idempotency-key': key },
    });
    expect(a.status).toBe(201);
    const b = await t.call('/api/v1/template/', {
      method: 'POST',
      token,
      json: { template_name: uniq('tpl') },
      headers: { 'idempotency-key': key },
    });
    expect(b.status).toBe(422);
    expect(((await b.json()) as any).error.code).toBe('idempotency_key_reused');
    const bad = await t.call('/api/v1/template/', {
      method: 'POST',
      token,
      json: { template_name: uniq('tpl') },
      headers: { 'idempotency-key': 'has space' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.code).toBe('invalid_idempotency_key');
  });
});
