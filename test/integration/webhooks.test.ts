// Webhooks on the real stack (issue 15): a receiver started here (loopback allow-listed through WEBHOOK_ALLOW) gets
// signed deliveries of a real upload's validation and a real training's completion, verified here with an HMAC
// computed independently; a receiver that is down gets every retry (each attempt logged) while both jobs complete;
// addresses that are not allowed are refused at registration (422) and at delivery (logged, not retried).
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, newTenant, userWith } from '../support/identity.js';
import { buildTestApp, uniq } from '../support/stack.js';
import { customersCsv, roles, TEMPLATE } from '../support/train-data.js';
import { startInProcessWorker } from '../support/worker.js';

type App = Awaited<ReturnType<typeof buildTestApp>>;
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

const MAX_ATTEMPTS = 3;

describe('webhooks', () => {
  let t: App;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let token: string;
  let tenantId: string;
  let otherToken: string;
  let receiver: http.Server;
  let receiverUrl: string;
  let downUrl: string;
  const received: Received[] = [];
  let datasetId: number;
  let trainId: number;

  const call = async (p: string, init: RequestInit & { json?: unknown; as?: string } = {}) => {
    const res = await t.call(p, { ...init, token: init.as ?? token });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 240_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await f();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  const register = (url: string, events: string[]) => call('/api/v1/webhooks', { method: 'POST', json: { url, events } });
  const deliveries = async (hookId: number) => {
    const r = await call(`/api/v1/webhooks/${hookId}/deliveries`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.data as any[];
  };
  const finished = (hookId: number, event: string) =>
    until(`a finished ${event} delivery of webhook ${hookId}`, async () =>
      (await deliveries(hookId)).find((d) => d.event === event && d.status !== 'pending'),
    );
  const receivedEvent = (event: string, match: (data: any) => boolean = () => true) =>
    until(`the ${event} delivery`, async () =>
      received.find((r) => {
        const b = JSON.parse(r.body);
        return b.event === event && match(b.data);
      }),
    );
  /** The signature, checked as a receiver would: t=<seconds>,v1=HMAC-SHA256(secret, "<t>.<raw body>"). */
  const expectSigned = (r: Received, secret: string) => {
    const sig = Object.fromEntries(
      String(r.headers['dataml-signature'])
        .split(',')
        .map((p) => p.split('=')),
    );
    expect(sig.v1).toBe(createHmac('sha256', secret).update(`${sig.t}.${r.body}`).digest('hex'));
    expect(Math.abs(Number(sig.t) - Date.now() / 1000)).toBeLessThan(600);
    expect(r.headers['dataml-event-id']).toBe(JSON.parse(r.body).id);
  };

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    // A port nobody listens on: every attempt is refused by the kernel.
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    downUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/down`;
    await new Promise((r) => closed.close(r));

    t = await buildTestApp({
      WEBHOOK_ALLOW: '127.0.0.1',
      WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      WEBHOOK_RETRY_INITIAL_SECONDS: '1',
      WEBHOOK_RETRY_MAX_SECONDS: '2',
      WEBHOOK_TIMEOUT_SECONDS: '5',
    });
    worker = await startInProcessWorker(t.config);
    await adminSession(t.deps);
    // A tenant of its own: no other suite's jobs publish to these webhooks.
    tenantId = await newTenant(t.deps);
    token = (await userWith(t.deps, tenantId, 'all')).token;
    otherToken = (await userWith(t.deps, await newTenant(t.deps), 'all')).token;
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    receiver?.close();
  });

  it('registers, shows the secret once, updates, isolates tenants and refuses addresses that are not allowed', async () => {
    const created = await call('/api/v1/webhooks', {
      method: 'POST',
      json: { url: receiverUrl, events: ['training.completed'], description: 'crud' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[\w-]{40,}$/);
    expect(created.body).toMatchObject({ url: receiverUrl, events: ['training.completed'], enabled: true, description: 'crud' });
    const id = created.body.id as number;

    const got = await call(`/api/v1/webhooks/${id}`);
    expect(got.status).toBe(200);
    expect(got.body.secret).toBeUndefined();
    expect((await call('/api/v1/webhooks')).body.data.map((w: any) => w.id)).toContain(id);

    const patched = await call(`/api/v1/webhooks/${id}`, {
      method: 'PATCH',
      json: { events: ['upload.failed', 'drift.detected'], enabled: false },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ events: ['upload.failed', 'drift.detected'], enabled: false });
    // A disabled webhook cannot be pinged.
    expect((await call(`/api/v1/webhooks/${id}/test`, { method: 'POST' })).status).toBe(422);

    // Another tenant sees none of it.
    for (const [method, p] of [
      ['GET', `/api/v1/webhooks/${id}`],
      ['GET', `/api/v1/webhooks/${id}/deliveries`],
      ['DELETE', `/api/v1/webhooks/${id}`],
      ['POST', `/api/v1/webhooks/${id}/test`],
    ] as const)
      expect((await call(p, { method, as: otherToken })).status, `${method} ${p}`).toBe(404);
    expect((await call('/api/v1/webhooks', { as: otherToken })).body.data.map((w: any) => w.id)).not.toContain(id);

    // Bad bodies and disallowed addresses: 422 with the reason.
    expect((await register(receiverUrl, ['model.exploded'])).status).toBe(422);
    expect((await register(receiverUrl, [])).status).toBe(422);
    const pgPort = new URL(t.config.postgres.url).port;
    for (const [url, why] of [
      ['http://169.254.169.254/latest/meta-data/', /metadata/],
      ['http://127.0.0.2:8080/', /loopback/], // loopback, but only 127.0.0.1 is allow-listed
      ['http://10.0.0.5/hook', /private/],
      [`http://127.0.0.1:${pgPort}/`, /own services/], // allow-listed address, but the platform's Postgres
      ['file:///etc/passwd', /http/],
    ] as const) {
      const r = await register(url, ['upload.validated']);
      expect(r.status, url).toBe(422);
      expect(r.body.error.code).toBe('validation_error');
      expect(r.body.error.message).toMatch(why);
    }
    expect((await call(`/api/v1/webhooks/${id}`, { method: 'PATCH', json: { url: 'http://[::1]/' } })).status).toBe(422);

    expect((await call(`/api/v1/webhooks/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await call(`/api/v1/webhooks/${id}`)).status).toBe(404);
  });

  it('delivers a real upload and training, signed; a receiver that is down gets every retry while the jobs complete', async () => {
    const good = await register(receiverUrl, ['upload.validated', 'training.completed']);
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    const down = await register(downUrl, ['upload.validated', 'training.completed']);
    expect(down.status, JSON.stringify(down.body)).toBe(201);
    const secret = good.body.secret as string;

    const tpl = await call('/api/v1/template/', { method: 'POST', json: { template_name: uniq('tpl'), template_schema: TEMPLATE } });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(201);
    const form = new FormData();
    form.append('files', new Blob([customersCsv(200, 31)], { type: 'text/csv' }), 'rows.csv');
    const up = await call(`/api/v1/dataset/upload?dataset_name=${uniq('ds')}&usage=t&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    datasetId = up.body.dataset_id as number;

    // The upload job completes whatever the receiver that is down does.
    await t.deps.temporal.workflow.getHandle(up.body.workflow_id).result();
    const uploaded = await receivedEvent('upload.validated');
    const body = JSON.parse(uploaded.body);
    expect(body).toMatchObject({ event: 'upload.validated', tenant_id: tenantId, data: { dataset_id: datasetId } });
    expect(body.data.files).toEqual([expect.objectContaining({ status: 'valid' })]);
    expect(uploaded.headers['content-type']).toBe('application/json');
    expectSigned(uploaded, secret);

    const train = await call('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: datasetId,
        predictor_name: uniq('hook'),
        domain: 'Churn',
        problem_type: 'Classification',
        algorithm: 'lightgbm',
        columns: roles('churn', ['segment', 'spend', 'const_flag']),
      },
    });
    expect(train.status, JSON.stringify(train.body)).toBe(201);
    trainId = train.body.id;
    const trained = await receivedEvent('training.completed');
    const tbody = JSON.parse(trained.body);
    expect(tbody).toMatchObject({ event: 'training.completed', tenant_id: tenantId, data: { train_id: train.body.id } });
    expectSigned(trained, secret);
    expect(tbody.id).not.toBe(body.id);
    // The training workflow (its ONNX copy follows the event) completes too.
    await t.deps.temporal.workflow.getHandle(train.body.workflow_id).result();
    const row = ((await call('/api/v1/train/list')).body.data as any[]).find((x) => x.id === train.body.id);
    expect(row.training_status).toBe('Completed');

    // The receiver's deliveries: one attempt each, 204.
    for (const event of ['upload.validated', 'training.completed']) {
      const d = await finished(good.body.id, event);
      expect(d.status).toBe('delivered');
      expect(d.attempts).toEqual([expect.objectContaining({ attempt: 1, status_code: 204, error: null })]);
    }
    // The one that is down: every attempt logged with its error, then failed; the jobs were not held up by it.
    for (const event of ['upload.validated', 'training.completed']) {
      const d = await finished(down.body.id, event);
      expect(d.status, JSON.stringify(d)).toBe('failed');
      expect(d.attempts.map((a: any) => a.attempt)).toEqual([1, 2, 3].slice(0, MAX_ATTEMPTS));
      for (const a of d.attempts) {
        expect(a.status_code).toBeNull();
        expect(a.error).toMatch(/ECONNREFUSED/);
      }
      const job = await t.deps.temporal.workflow
        .getHandle(event === 'upload.validated' ? up.body.workflow_id : train.body.workflow_id)
        .describe();
      expect(job.status.name).toBe('COMPLETED');
      if (event === 'upload.validated') {
        // Published last, then abandoned: the upload closed while its delivery still had retries to wait for
        // (at least 1 s + 2 s of backoff), i.e. the job never waited for it.
        const delivery = await t.deps.temporal.workflow.getHandle(d.workflow_id).describe();
        expect(job.closeTime!.getTime()).toBeLessThan(delivery.closeTime!.getTime());
      }
    }
    expect((await deliveries(good.body.id))[0].workflow_id).toMatch(new RegExp(`^webhook-${tenantId}-evt_[0-9a-f-]+-${good.body.id}$`));
  });

  it('publishes a batch prediction and a failed training', async () => {
    expect(trainId, 'needs the model of the previous test').toBeDefined();
    const hook = await register(receiverUrl, ['prediction.completed', 'training.failed']);
    expect(hook.status).toBe(201);
    // The scoring rows: the model's inputs only (the first five columns).
    const tpl = await call('/api/v1/template/', {
      method: 'POST',
      json: { template_name: uniq('tpl'), template_schema: TEMPLATE.slice(0, 5) },
    });
    const csv = `${customersCsv(30, 32)
      .trim()
      .split('\n')
      .map((l) => l.split(',').slice(0, 5).join(','))
      .join('\n')}\n`;
    const form = new FormData();
    form.append('files', new Blob([csv], { type: 'text/csv' }), 'score.csv');
    const up = await call(`/api/v1/dataset/upload?dataset_name=${uniq('ds')}&usage=p&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    await t.deps.temporal.workflow.getHandle(up.body.workflow_id).result();
    const batch = await call('/api/v1/inference/batchPrediction', {
      method: 'POST',
      json: { train_id: trainId, dataset_id: up.body.dataset_id },
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(202);
    const predicted = await receivedEvent('prediction.completed', (d) => d.prediction_id === batch.body.prediction_id);
    expect(JSON.parse(predicted.body).data).toMatchObject({ rows: 30 });
    expectSigned(predicted, hook.body.secret);

    // A constant target: the training job fails, and says so.
    const failing = await call('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: datasetId,
        predictor_name: uniq('hookfail'),
        domain: 'Churn',
        problem_type: 'Classification',
        algorithm: 'linear',
        columns: roles('const_flag', ['churn', 'segment', 'spend']),
      },
    });
    expect(failing.status, JSON.stringify(failing.body)).toBe(201);
    const failed = await receivedEvent('training.failed', (d) => d.train_id === failing.body.id);
    expect(JSON.parse(failed.body).data.error).toEqual(expect.any(String));
    expectSigned(failed, hook.body.secret);
    await expect(t.deps.temporal.workflow.getHandle(failing.body.workflow_id).result()).rejects.toThrow();
  });

  it('refuses at delivery an address that is no longer allowed, without retrying, and pings an allowed one', async () => {
    const hook = await register(receiverUrl, ['drift.detected']);
    expect(hook.status).toBe(201);
    const ping = await call(`/api/v1/webhooks/${hook.body.id}/test`, { method: 'POST' });
    expect(ping.status, JSON.stringify(ping.body)).toBe(202);
    const pinged = await finished(hook.body.id, 'webhook.ping');
    expect(pinged.status).toBe('delivered');
    expect(received.some((r) => JSON.parse(r.body).id === ping.body.event_id)).toBe(true);

    // Registered when allowed, then pointed (as by an operator narrowing WEBHOOK_ALLOW, or a DNS change) at
    // the metadata address and at the platform's own Postgres: the delivery checks again and refuses.
    const pgPort = new URL(t.config.postgres.url).port;
    for (const [url, why] of [
      ['http://169.254.169.254/latest/meta-data/', /metadata/],
      [`http://127.0.0.1:${pgPort}/`, /own services/],
    ] as const) {
      await t.deps.db.updateTable('webhooks').set({ url }).where('id', '=', hook.body.id).execute();
      const p = await call(`/api/v1/webhooks/${hook.body.id}/test`, { method: 'POST' });
      expect(p.status).toBe(202);
      const d = await until('the refused ping', async () =>
        (await deliveries(hook.body.id)).find((x) => x.event_id === p.body.event_id && x.status !== 'pending'),
      );
      expect(d.status).toBe('failed');
      expect(d.attempts).toHaveLength(1);
      expect(d.attempts[0].status_code).toBeNull();
      expect(d.attempts[0].error).toMatch(why);
    }
  });
});
