// Drift monitoring on the real stack (issue 15): a small model is trained; a drift run on a deliberately shifted
// dataset flags the shifted features and reports drift, one on a fresh sample of the training distribution does not;
// real-time 9.1 requests (sampled at rate 1 here) land in Postgres, a drift run flushes them to the version's gold
// Iceberg table and compares them; a schedule's firing runs the same check by alias. Tenant isolation and bad input.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithWorker } from '../support/app-with-worker.js';
import { inspectIcebergTable } from '../support/iceberg.js';
import { adminSession, newTenant, userWith } from '../support/identity.js';
import { uniq } from '../support/stack.js';
import { customersCsv, roles, TEMPLATE } from '../support/train-data.js';

/** customersCsv with older customers, all on the top plan: age and plan move, tenure and active do not. */
function shiftedCsv(n: number, seed: number): string {
  const [head, ...rows] = customersCsv(n, seed).trimEnd().split('\n');
  const moved = rows.map((line) => {
    const cells = line.split(',');
    if (cells[1]) cells[1] = (Number(cells[1]) + 20).toFixed(2);
    cells[3] = 'pro';
    return cells.join(',');
  });
  return `${[head, ...moved].join('\n')}\n`;
}

describe('drift monitoring', () => {
  // Every real-time request sampled, so that the test knows how many rows to expect; the `drift.detected` webhook
  // goes to a receiver started here (loopback allow-listed).
  const s = appWithWorker({ DRIFT_SAMPLE_RATE: '1', WEBHOOK_ALLOW: '127.0.0.1', WEBHOOK_RETRY_INITIAL_SECONDS: '1' });
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  let receiver: http.Server | undefined;
  let hookSecret = '';
  let token: string;
  let other: string;
  let trainId: number;
  let predictor: string;
  let shifted: number;
  let unshifted: number;

  const call = async (p: string, init: RequestInit & { json?: unknown; as?: string } = {}) => {
    const res = await s.t.call(p, { ...init, token: init.as ?? token });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 300_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await f();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const upload = async (csv: string, templateId: number) => {
    const form = new FormData();
    form.append('files', new Blob([csv], { type: 'text/csv' }), 'rows.csv');
    const up = await call(`/api/v1/dataset/upload?dataset_name=${uniq('ds')}&usage=t&template_id=${templateId}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const id = up.body.dataset_id as number;
    await until(`dataset ${id}`, async () => {
      const d = ((await call('/api/v1/dataset/list')).body.data as any[]).find((x) => x.id === id);
      if (d?.is_valid === false) throw new Error(`dataset ${id} is invalid`);
      return d?.is_valid === true ? true : undefined;
    });
    return id;
  };
  const finished = (runId: number) =>
    until(`drift run ${runId}`, async () => {
      const r = await call(`/api/v1/drift-runs/${runId}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      if (['Failed', 'Cancelled'].includes(r.body.status)) throw new Error(`drift run ${runId}: ${JSON.stringify(r.body)}`);
      return r.body.status === 'Completed' ? r.body : undefined;
    });
  const startRun = async (body: Record<string, unknown>) => {
    const r = await call('/api/v1/drift-runs', { method: 'POST', json: body });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return r.body as { drift_run_id: number; workflow_id: string; source: string; train_id: number };
  };

  beforeAll(async () => {
    const admin = await adminSession(s.t.deps);
    token = admin.token;
    other = (await userWith(s.t.deps, await newTenant(s.t.deps), 'all')).token;
    const tpl = await call('/api/v1/template/', { method: 'POST', json: { template_name: uniq('tpl'), template_schema: TEMPLATE } });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(201);
    const [train, a, b] = await Promise.all([
      upload(customersCsv(600, 61), tpl.body.id),
      upload(shiftedCsv(600, 62), tpl.body.id),
      upload(customersCsv(600, 63), tpl.body.id),
    ]);
    shifted = a;
    unshifted = b;
    predictor = uniq('drift');
    const t = await call('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: train,
        predictor_name: predictor,
        domain: 'Churn',
        problem_type: 'Classification',
        algorithm: 'lightgbm',
        max_trials: 1,
        columns: roles('churn', ['segment', 'spend', 'const_flag']),
      },
    });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    trainId = t.body.id;
    await until(`training ${trainId}`, async () => {
      const row = ((await call('/api/v1/train/list')).body.data as any[]).find((x) => x.id === trainId);
      if (['Failed', 'Cancelled'].includes(row?.training_status)) throw new Error(JSON.stringify(row));
      return row?.training_status === 'Completed' ? row : undefined;
    });
    const set = await call(`/api/v1/predictors/${encodeURIComponent(predictor)}/aliases/champion`, {
      method: 'PUT',
      json: { train_id: trainId },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);

    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', r));
    const hook = await call('/api/v1/webhooks', {
      method: 'POST',
      json: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/drift`, events: ['drift.detected'] },
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    hookSecret = hook.body.secret;
  }, 600_000);
  afterAll(() => receiver?.close());

  it('refuses bad requests and other tenants before starting anything', async () => {
    const bad = [
      { train_id: trainId, thresholds: { psi: -1 } },
      { train_id: trainId, sample_rows: 10 },
      { train_id: trainId, dataset_id: 987_654_321 },
      { train_id: 'nope' },
    ];
    for (const json of bad) expect((await call('/api/v1/drift-runs', { method: 'POST', json })).status, JSON.stringify(json)).toBe(422);
    expect((await call('/api/v1/drift-runs', { method: 'POST', json: { train_id: `${predictor}@nobody` } })).status).toBe(404);
    expect((await call('/api/v1/drift-runs', { method: 'POST', json: { train_id: trainId }, as: other })).status).toBe(404);
  });

  it('flags a shifted dataset and not a fresh sample of the training distribution', async () => {
    const [a, b] = await Promise.all([
      startRun({ train_id: `${predictor}@champion`, dataset_id: shifted }),
      startRun({ train_id: trainId, dataset_id: unshifted }),
    ]);
    expect(a.workflow_id).toMatch(/^drift-[0-9a-f-]+-\d+$/);
    expect(a.train_id).toBe(trainId);
    const [moved, same] = await Promise.all([finished(a.drift_run_id), finished(b.drift_run_id)]);

    expect(moved.drift_detected).toBe(true);
    expect(moved.flagged_features.sort()).toEqual(['age', 'plan']);
    const byName = Object.fromEntries((moved.features as any[]).map((f) => [f.feature, f]));
    expect(Object.keys(byName).sort()).toEqual(['active', 'age', 'plan', 'tenure']);
    expect(byName.age).toMatchObject({ kind: 'numeric', test: 'ks', flagged: true });
    expect(byName.age.psi).toBeGreaterThan(0.2);
    expect(byName.age.p_value).toBeLessThan(0.01);
    expect(byName.plan).toMatchObject({ kind: 'categorical', test: 'chi2', flagged: true });
    expect(byName.tenure.flagged).toBe(false);
    expect(moved.prediction.kind).toBe('categorical');
    expect(moved.reference_rows).toBe(600);
    expect(moved.current_rows).toBe(600);
    expect(moved.reference_snapshot_id).toMatch(/^\d+$/);

    expect(same.drift_detected, JSON.stringify(same.features)).toBe(false);
    expect(same.flagged_features).toEqual([]);
    expect((same.features as any[]).every((f) => f.psi < 0.2)).toBe(true);

    // The flagged run, and only it, is delivered to the tenant's `drift.detected` webhook, signed with its secret.
    const events = () => received.map((r) => ({ r, body: JSON.parse(r.body) }));
    const delivery = await until('the drift.detected delivery', async () =>
      events().find((e) => e.body.event === 'drift.detected' && e.body.data.drift_run_id === a.drift_run_id),
    );
    expect(delivery.body.data).toMatchObject({ train_id: trainId, prediction_flagged: expect.any(Boolean) });
    expect([...delivery.body.data.flagged_features].sort()).toEqual(['age', 'plan']);
    const sig = Object.fromEntries(
      String(delivery.r.headers['dataml-signature'])
        .split(',')
        .map((p) => p.split('=')),
    );
    expect(sig.v1).toBe(createHmac('sha256', hookSecret).update(`${sig.t}.${delivery.r.body}`).digest('hex'));
    expect(events().filter((e) => e.body.data?.drift_run_id === b.drift_run_id)).toEqual([]);

    // Readable by the tenant only.
    const list = await call(`/api/v1/drift-runs?train_id=${trainId}`);
    expect(list.body.data.map((r: any) => r.id)).toEqual(expect.arrayContaining([a.drift_run_id, b.drift_run_id]));
    expect((await call(`/api/v1/drift-runs/${a.drift_run_id}`, { as: other })).status).toBe(404);
    expect((await call('/api/v1/drift-runs', { as: other })).body.data).toEqual([]);
  }, 600_000);

  it('samples real-time requests into the gold table that a drift run reads', async () => {
    const rows = shiftedCsv(40, 64).trimEnd().split('\n').slice(1);
    for (const line of rows) {
      const [, age, tenure, plan, active] = line.split(',');
      const r = await call('/api/v1/inference/', {
        method: 'POST',
        json: {
          train_id: `${predictor}@champion`,
          preprocess_id: 1,
          features: { age: age ? Number(age) : null, tenure: Number(tenure), plan, active: active === 'true' },
          target: 'churn',
        },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const buffered = () =>
      s.t.deps.db
        .selectFrom('drift_samples')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('training_id', '=', trainId)
        .executeTakeFirstOrThrow();
    await s.t.deps.serving.driftSampler.flush();
    expect(Number((await buffered()).n)).toBe(40);

    const run = await startRun({ train_id: trainId, sample_rows: 100 });
    expect(run.source).toBe('realtime');
    const out = await finished(run.drift_run_id);
    expect(out.current_table).toBe(`gold.drift_samples_${trainId}`);
    expect(out.current_rows).toBe(40);
    expect(out.reference_rows).toBe(100);
    expect(out.drift_detected).toBe(true);
    expect(out.flagged_features).toContain('age');
    // Flushed: in the gold table (read independently of the job), gone from the buffer.
    expect(inspectIcebergTable(s.t.config, `gold.drift_samples_${trainId}`).rows).toBe(40);
    expect(Number((await buffered()).n)).toBe(0);
  }, 600_000);

  it('a drift schedule fires by alias and records its run', async () => {
    const name = uniq('drift').toLowerCase();
    const created = await call('/api/v1/drift-schedules', {
      method: 'POST',
      json: { name, train_id: `${predictor}@champion`, dataset_id: shifted, interval_seconds: 3600, paused: true },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ model_ref: `${predictor}@champion`, paused: true });
    expect((await call(`/api/v1/drift-schedules/${name}`, { as: other })).status).toBe(404);
    // A firing through the Temporal Schedule, now (also while paused).
    expect((await call(`/api/v1/drift-schedules/${name}/trigger`, { method: 'POST' })).status).toBe(200);
    const run = await until('the scheduled run', async () => {
      const r = (await call(`/api/v1/drift-schedules/${name}`)).body.runs[0];
      if (r?.status === 'Failed') throw new Error(JSON.stringify(r));
      return r?.status === 'Completed' ? r : undefined;
    });
    expect(run).toMatchObject({ schedule_name: name, train_id: trainId, drift_detected: true, created_by: `schedule:${name}` });
    expect((await call(`/api/v1/drift-schedules/${name}`, { method: 'DELETE' })).status).toBe(200);
    expect((await call(`/api/v1/drift-schedules/${name}`)).status).toBe(404);
  }, 600_000);
});
