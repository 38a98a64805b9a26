// Scheduled retraining on the real stack (issue 15): a Temporal Schedule with a short interval fires, its run trains a
// new version through an ordinary training workflow and promotes it to an alias because it beats the alias's version
// (v1 was trained on shuffled labels); after rows with shuffled labels are added, a triggered run trains a worse
// version and the alias stays. Pause, resume, the audit trail, tenant isolation and deletion through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobSuite, type JobSuite } from '../support/job-suite.js';
import { uniq } from '../support/stack.js';
import { customersCsv, rng, roles, TEMPLATE } from '../support/train-data.js';

/** customersCsv with the churn labels replaced by coin flips: nothing to learn. */
function shuffledLabels(n: number, seed: number): string {
  const r = rng(seed + 1000);
  const [head, ...rows] = customersCsv(n, seed).trimEnd().split('\n');
  const flipped = rows.map((line) => {
    const cells = line.split(',');
    cells[5] = String(r.u() < 0.5);
    return cells.join(',');
  });
  return `${[head, ...flipped].join('\n')}\n`;
}

describe('scheduled retraining', () => {
  let suite: JobSuite;
  let token: string;
  let predictor: string;
  let datasetId: number;
  let v1: number;
  const name = uniq('nightly')
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-');
  const path = `/api/v1/retrain-schedules/${name}`;

  const call = async (p: string, init: RequestInit & { json?: unknown; as?: string } = {}) => {
    const res = await suite.t.call(p, { ...init, token: init.as ?? token });
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
  const addRows = async (csv: string) => {
    const form = new FormData();
    form.append('files', new Blob([csv], { type: 'text/csv' }), 'rows.csv');
    const up = await call(`/api/v1/files/add?dataset_id=${datasetId}`, { method: 'POST', body: form });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    await datasetValid();
  };
  const datasetValid = () =>
    until(`dataset ${datasetId}`, async () => {
      const d = ((await call('/api/v1/dataset/list')).body.data as any[]).find((x) => x.id === datasetId);
      if (d?.is_valid === false) throw new Error(`dataset ${datasetId} is invalid`);
      return d?.is_valid === true ? true : undefined;
    });
  const runs = async () => (await call(path)).body.runs as any[];
  const finishedRun = (count: number) =>
    until(`run ${count}`, async () => {
      const all = await runs();
      const run = all.length >= count ? all[all.length - count] : undefined;
      if (run?.status === 'Failed') throw new Error(`run failed: ${JSON.stringify(run)}`);
      return run?.status === 'Completed' ? run : undefined;
    });
  const champion = async () =>
    ((await call(`/api/v1/predictors/${encodeURIComponent(predictor)}/aliases`)).body.data as any[]).find((a) => a.alias === 'champion')
      ?.train_id;

  beforeAll(async () => {
    suite = await startJobSuite();
    token = suite.token;
    const tpl = await call('/api/v1/template/', { method: 'POST', json: { template_name: uniq('tpl'), template_schema: TEMPLATE } });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(201);
    const form = new FormData();
    form.append('files', new Blob([shuffledLabels(300, 41)], { type: 'text/csv' }), 'rows.csv');
    const up = await call(`/api/v1/dataset/upload?dataset_name=${uniq('ds')}&usage=t&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    datasetId = up.body.dataset_id;
    await datasetValid();
    predictor = uniq('retrain');
    const first = await call('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: datasetId,
        predictor_name: predictor,
        domain: 'Churn',
        problem_type: 'Classification',
        algorithm: 'lightgbm',
        columns: roles('churn', ['segment', 'spend', 'const_flag']),
      },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    v1 = first.body.id;
    await until(`training ${v1}`, async () => {
      const row = ((await call('/api/v1/train/list')).body.data as any[]).find((x) => x.id === v1);
      if (['Failed', 'Cancelled'].includes(row?.training_status)) throw new Error(JSON.stringify(row));
      return row?.training_status === 'Completed' ? row : undefined;
    });
    const set = await call(`/api/v1/predictors/${encodeURIComponent(predictor)}/aliases/champion`, {
      method: 'PUT',
      json: { train_id: v1 },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    // Learnable rows: a retraining on all the data beats v1.
    await addRows(customersCsv(600, 42));
  }, 600_000);
  afterAll(async () => {
    await suite?.close();
  });

  it('refuses bad schedules before creating anything', async () => {
    const body = { name: uniq('bad').toLowerCase(), predictor_name: predictor, interval_seconds: 60 };
    expect((await call('/api/v1/retrain-schedules', { method: 'POST', json: { ...body, interval_seconds: 1 } })).status).toBe(422);
    expect((await call('/api/v1/retrain-schedules', { method: 'POST', json: { ...body, cron: '0 3 * * *' } })).status).toBe(422);
    expect((await call('/api/v1/retrain-schedules', { method: 'POST', json: { ...body, name: 'Has Space' } })).status).toBe(422);
    const badCron = await call('/api/v1/retrain-schedules', {
      method: 'POST',
      json: { ...body, interval_seconds: undefined, cron: 'not a cron' },
    });
    expect(badCron.status, JSON.stringify(badCron.body)).toBe(422);
    expect(badCron.body.error.details[0].path).toBe('cron');
    const outOfRange = await call('/api/v1/retrain-schedules', {
      method: 'POST',
      json: { ...body, interval_seconds: undefined, cron: '99 * * * *' },
    });
    expect(outOfRange.status, JSON.stringify(outOfRange.body)).toBe(422);
    const noPredictor = await call('/api/v1/retrain-schedules', { method: 'POST', json: { ...body, predictor_name: 'no-such-predictor' } });
    expect(noPredictor.status).toBe(404);
    // Another tenant holding every permission cannot schedule this tenant's predictor.
    expect((await call('/api/v1/retrain-schedules', { method: 'POST', json: body, as: suite.other })).status).toBe(404);
    expect((await call('/api/v1/retrain-schedules')).body.data.some((s: any) => s.name === body.name)).toBe(false);
  });

  it('fires on a short interval, trains a version through an ordinary training workflow and promotes it because it is better', async () => {
    const created = await call('/api/v1/retrain-schedules', {
      method: 'POST',
      json: { name, predictor_name: predictor, mode: 'full', interval_seconds: 10, promote_alias: 'champion' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name, predictor_name: predictor, mode: 'full', interval_seconds: 10, promote_alias: 'champion' });
    expect(created.body.schedule_id).toBe(`retrain-${suite.tenantId}-${name}`);
    expect(
      (await call('/api/v1/retrain-schedules', { method: 'POST', json: { name, predictor_name: predictor, interval_seconds: 60 } })).status,
    ).toBe(409);
    // The first firing; then paused, so that this test sees exactly one run.
    await until('the first firing', async () => ((await runs()).length > 0 ? true : undefined), 120_000);
    const paused = await call(`${path}/pause`, { method: 'POST' });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    const run = await finishedRun(1);
    expect(run.workflow_id.startsWith(`retrain-${suite.tenantId}-${name}-`)).toBe(true);
    expect(run.version).toBe(2);
    const training = ((await call('/api/v1/train/list')).body.data as any[]).find((x) => x.id === run.train_id);
    expect(training).toMatchObject({ predictor_name: predictor, version: 2, training_status: 'Completed', created_by: `schedule:${name}` });
    expect(training.workflow_id).toBe(`train-${run.train_id}`);
    expect(training.parent_id).toBeNull(); // full: from scratch, not continued
    expect(run.promotion).toMatchObject({ alias: 'champion', decision: 'promoted', metric: 'accuracy', current_train_id: v1 });
    expect(run.promotion.new_value).toBeGreaterThan(run.promotion.current_value);
    expect(run.promotion.rule).toContain('strictly greater');
    expect(await champion()).toBe(run.train_id);
    const history = await call(`/api/v1/predictors/${encodeURIComponent(predictor)}/alias-history`);
    expect(history.body.data[0]).toMatchObject({
      action: 'move',
      from_train_id: v1,
      to_train_id: run.train_id,
      username: `schedule:${name}`,
    });
    const detail = await call(path);
    expect(detail.body.paused).toBe(true);
    expect(detail.body.runs).toHaveLength(1);
  }, 600_000);

  it('a triggered run whose version is worse leaves the alias where it is, and records both metrics', async () => {
    const promoted = await champion();
    // Rows with coin-flip labels: the next version learns less.
    await addRows(shuffledLabels(1200, 43));
    const trig = await call(`${path}/trigger`, { method: 'POST' });
    expect(trig.status, JSON.stringify(trig.body)).toBe(200);
    const run = await finishedRun(2);
    expect(run.version).toBe(3);
    expect(run.promotion).toMatchObject({ alias: 'champion', decision: 'refused', metric: 'accuracy', current_train_id: promoted });
    expect(run.promotion.new_value).toBeLessThanOrEqual(run.promotion.current_value);
    expect(await champion()).toBe(promoted);
  }, 600_000);

  it('resumes, lists, stays invisible to other tenants, records who did what, and deletes', async () => {
    expect((await call(`${path}/resume`, { method: 'POST' })).status).toBe(200);
    const listed = (await call('/api/v1/retrain-schedules')).body.data.find((s: any) => s.name === name);
    expect(listed).toMatchObject({ paused: false, promote_alias: 'champion', created_by: 'admin' });
    expect(Number.isNaN(Date.parse(listed.next_run_at))).toBe(false);
    expect((await call(`${path}/pause`, { method: 'POST' })).status).toBe(200);
    for (const [method, p] of [
      ['GET', path],
      ['POST', `${path}/trigger`],
      ['POST', `${path}/pause`],
      ['DELETE', path],
    ] as const)
      expect((await call(p, { method, as: suite.other })).status, `${method} ${p}`).toBe(404);
    expect((await call('/api/v1/retrain-schedules', { as: suite.other })).body.data).toEqual([]);
    const detail = await call(path);
    expect(detail.body.history.map((e: any) => e.action)).toEqual(['pause', 'resume', 'trigger', 'pause', 'create']);
    expect(detail.body.history.every((e: any) => e.username === 'admin')).toBe(true);
    const del = await call(path, { method: 'DELETE' });
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    expect((await call(path)).status).toBe(404);
    await expect(suite.t.deps.temporal.schedule.getHandle(`retrain-${suite.tenantId}-${name}`).describe()).rejects.toThrow(/not found/i);
  });
});
