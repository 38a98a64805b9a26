// Inference end to end on the real stack: models trained through the API (8.1) on generated data, then
// real-time (9.1, in the API process: ONNX, or the Python fallback for a model with a date feature), batch (9.2,
// a Ray job writing a gold Iceberg table and a CSV), the form (9.3), results (9.5, download) and the log (9.6).
// Parity: real-time == batch == the Python pipeline's own predict/predict_proba on the same rows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RayJobsClient } from '../../integrations/ray-jobs-client.js';
import { jobEnvironment } from '../../config/config.js';
import * as trainRepo from '../../db/repositories/train.js';
import { inspectIcebergTable } from '../support/iceberg.js';
import { startJobSuite, type JobSuite } from '../support/job-suite.js';
import { uniq } from '../support/stack.js';
import { rng } from '../support/train-data.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

// A column name that is not an identifier: skl2onnx renames such graph inputs, the export names them back
// (onnx_export.py), and the API feeds the graph by column name.
const TENURE = 'tenure months';
const TRAIN_TEMPLATE = [
  { column_name: 'cid', data_type: 'String' },
  { column_name: 'age', data_type: 'Float', nullable: true },
  { column_name: TENURE, data_type: 'Integer' },
  { column_name: 'plan', data_type: 'String', default_value: 'basic', nullable: true },
  { column_name: 'active', data_type: 'Boolean' },
  { column_name: 'signup', data_type: 'Date', nullable: true },
  { column_name: 'churn', data_type: 'Boolean' },
  { column_name: 'spend', data_type: 'Float' },
];
// The rows to score: the inputs only (no target).
const SCORE_TEMPLATE = TRAIN_TEMPLATE.filter((c) => !['churn', 'spend'].includes(c.column_name));
// Same names, but tenure is a String: not the model's inputs.
const WRONG_TEMPLATE = SCORE_TEMPLATE.map((c) => (c.column_name === TENURE ? { ...c, data_type: 'String' } : c));

function rows(n: number, seed: number, withTargets: boolean): string {
  const r = rng(seed);
  const plans = ['basic', 'plus', 'pro'];
  const head = ['cid', 'age', TENURE, 'plan', 'active', 'signup', ...(withTargets ? ['churn', 'spend'] : [])];
  const lines = [head.join(',')];
  for (let i = 0; i < n; i++) {
    const age = 40 + 10 * r.normal();
    const tenure = Math.floor(r.u() * 48);
    const plan = plans[Math.floor(r.u() * 3)]!;
    const active = r.u() < 0.5;
    const month = 1 + Math.floor(r.u() * 12);
    const signup = `2024-${String(month).padStart(2, '0')}-${String(1 + Math.floor(r.u() * 28)).padStart(2, '0')}`;
    const z =
      (age - 40) / 8 +
      (tenure - 24) / 12 +
      (plan === 'pro' ? 1.2 : plan === 'plus' ? 0.3 : -0.9) +
      (active ? 0.4 : -0.4) +
      (month > 6 ? 0.5 : -0.5);
    const churn = z + 0.4 * r.normal() > 0.2;
    const spend = 50 + 10 * z + 2 * r.normal();
    const cells = [`c${i}`, i % 11 === 0 ? '' : age.toFixed(2), tenure, i % 7 === 0 ? '' : plan, active, i % 13 === 0 ? '' : signup];
    if (withTargets) cells.push(churn, spend.toFixed(3));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

const SERIES_TEMPLATE = [
  { column_name: 'sid', data_type: 'String' },
  { column_name: 'week', data_type: 'Date' },
  { column_name: 'promo', data_type: 'Float' },
  { column_name: 'sales', data_type: 'Float' },
];
const SERIES_START = Date.UTC(2024, 0, 7); // a Sunday
const SERIES_WEEKS = 40;
function seriesCsv(): string {
  const r = rng(5);
  const lines = ['sid,week,promo,sales'];
  for (const sid of ['A', 'B']) {
    for (let i = 0; i < SERIES_WEEKS; i++) {
      const day = new Date(SERIES_START + i * 7 * 86_400_000).toISOString().slice(0, 10);
      const promo = r.u() < 0.3 ? 1 : 0;
      lines.push(`${sid},${day},${promo},${(sid === 'A' ? 100 : 50) + 1.5 * i + 20 * promo + 2 * r.normal()}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const role = (column_name: string, attribute_name: string) => ({
  column_name,
  data_type: TRAIN_TEMPLATE.find((c) => c.column_name === column_name)!.data_type,
  attribute_name,
});

/** CSV text → objects (our values hold no commas; pyarrow quotes strings). */
function parseCsv(text: string): Array<Record<string, string>> {
  const unquote = (v: string) => (v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);
  const [head, ...lines] = text.trim().split('\n');
  const cols = head!.split(',').map(unquote);
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, unquote(v)])));
}

describe('inference on the real stack', () => {
  let suite: JobSuite;
  let t: JobSuite['t'];
  let token: string;
  let other: string;
  let tenantId: string;
  const ray = () => new RayJobsClient(t.config.ray.address);
  const SCORE_CSV = rows(60, 99, false);
  const scoreRows = parseCsv(SCORE_CSV);
  const models: Record<'binary' | 'regression' | 'dated' | 'additive', { id: number; preprocess_id: number; target: string }> = {} as never;
  let trainDatasetId: number;
  let scoreDatasetId: number;
  let wrongDatasetId: number;
  let forecastTraining: any;

  const json = async (p: string, init: RequestInit & { json?: unknown; as?: string } = {}) => {
    const res = await t.call(p, { ...init, token: init.as ?? token });
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* CSV */
    }
    return { status: res.status, body };
  };
  async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 240_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await f();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  async function dataset(templateSchema: unknown[], csv: string, usage: 't' | 'p') {
    const tpl = await json('/api/v1/template/', { method: 'POST', json: { template_name: uniq('tpl'), template_schema: templateSchema } });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(201);
    const form = new FormData();
    form.append('files', new Blob([csv], { type: 'text/csv' }), 'rows.csv');
    const up = await json(`/api/v1/dataset/upload?dataset_name=${uniq('ds')}&usage=${usage}&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    return up.body.dataset_id as number;
  }
  const validated = (id: number) =>
    until(`dataset ${id}`, async () => {
      const d = await t.deps.db.selectFrom('datasets').select(['is_valid']).where('id', '=', id).executeTakeFirstOrThrow();
      if (d.is_valid === false) throw new Error(`dataset ${id} is invalid`);
      return d.is_valid === true ? true : undefined;
    });
  const trained = (id: number) =>
    until(`training ${id}`, async () => {
      const row = ((await json('/api/v1/train/list')).body.data as any[]).find((x) => x.id === id);
      if (!['Completed', 'Failed', 'Cancelled'].includes(row?.training_status)) return undefined;
      // The ONNX copy follows Completed (workflows/onnx.ts); these tests compare it with the Python pipeline.
      const rec = await t.deps.db.selectFrom('trainings').select(['artifact']).where('id', '=', id).executeTakeFirstOrThrow();
      return (rec.artifact as any)?.onnx_status === 'pending' ? undefined : row;
    });
  /** The Python pipeline's own predict / predict_proba on the scoring rows. */
  function reference(_trainId: number, modelKey: string) {
    const dir = mkdtempSync(path.join(tmpdir(), 'ref-'));
    const file = path.join(dir, 'rows.csv');
    writeFileSync(file, SCORE_CSV);
    const out = execFileSync(
      path.join(ROOT, 'ml/.venv/bin/python'),
      [path.join(ROOT, 'test/support/predict_reference.py'), modelKey, file],
      {
        env: { ...process.env, ...jobEnvironment(t.config) },
        cwd: path.join(ROOT, 'ml'),
        encoding: 'utf8',
      },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as { class_labels: unknown[]; labels: unknown[]; proba: number[][] | null };
  }
  /** A scoring row as 9.1 features: empty cells left out, numbers and booleans typed. */
  const features = (r: Record<string, string>) => {
    const f: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      if (v === '' || k === 'cid') continue;
      f[k] = k === 'age' ? Number(v) : k === TENURE ? Number(v) : k === 'active' ? v === 'true' : v;
    }
    return f;
  };

  beforeAll(async () => {
    suite = await startJobSuite();
    ({ t, token, tenantId, other } = suite);
    let seriesDatasetId: number;
    [trainDatasetId, scoreDatasetId, wrongDatasetId, seriesDatasetId] = await Promise.all([
      dataset(TRAIN_TEMPLATE, rows(400, 7, true), 't'),
      dataset(SCORE_TEMPLATE, SCORE_CSV, 'p'),
      dataset(WRONG_TEMPLATE, SCORE_CSV, 'p'),
      dataset(SERIES_TEMPLATE, seriesCsv(), 't'),
    ]);
    for (const id of [trainDatasetId, scoreDatasetId, wrongDatasetId, seriesDatasetId]) await validated(id);
    const train = (name: string, body: Record<string, unknown>) =>
      json('/api/v1/train/', {
        method: 'POST',
        json: { dataset_id: trainDatasetId, predictor_name: uniq(name), domain: 'Churn', ...body },
      });
    const started = await Promise.all([
      train('churn', {
        problem_type: 'Classification',
        algorithm: 'xgboost',
        columns: [role('cid', 'Id'), role('churn', 'Target'), role('spend', 'Ignore'), role('signup', 'Ignore')],
      }),
      train('spend', {
        problem_type: 'Regression',
        algorithm: 'linear',
        columns: [role('cid', 'Id'), role('spend', 'Target'), role('churn', 'Ignore'), role('signup', 'Ignore')],
      }),
      train('dated', {
        problem_type: 'Classification',
        algorithm: 'lightgbm',
        columns: [role('cid', 'Id'), role('churn', 'Target'), role('spend', 'Ignore')],
      }),
      // The additive model: served in-process through its own ONNX converter, explained by its exact spline terms.
      train('additive', {
        problem_type: 'Classification',
        algorithm: 'gam',
        columns: [role('cid', 'Id'), role('churn', 'Target'), role('spend', 'Ignore'), role('signup', 'Ignore')],
      }),
      json('/api/v1/train/', {
        method: 'POST',
        json: {
          dataset_id: seriesDatasetId,
          predictor_name: uniq('sales'),
          domain: 'Sales',
          problem_type: 'Forecast',
          algorithm: 'lightgbm',
          forecast_horizon: 4,
          columns: [
            { column_name: 'sid', data_type: 'String', attribute_name: 'Id' },
            { column_name: 'week', data_type: 'Date', attribute_name: 'Time' },
            { column_name: 'sales', data_type: 'Float', attribute_name: 'Target' },
          ],
        },
      }),
    ]);
    for (const s of started) expect(s.status, JSON.stringify(s.body)).toBe(201);
    const done = [];
    for (const s of started) done.push(await trained(s.body.id));
    forecastTraining = done.pop();
    for (const d of done) expect(d.training_status, JSON.stringify(d)).toBe('Completed');
    models.binary = { id: done[0].id, preprocess_id: done[0].preprocess_id, target: 'churn' };
    models.regression = { id: done[1].id, preprocess_id: done[1].preprocess_id, target: 'spend' };
    models.dated = { id: done[2].id, preprocess_id: done[2].preprocess_id, target: 'churn' };
    models.additive = { id: done[3].id, preprocess_id: done[3].preprocess_id, target: 'churn' };
  }, 600_000);
  afterAll(() => suite?.close());

  it('9.3 lists the inputs with types and defaults, the target and the preprocess_id', async () => {
    const form = await json(`/api/v1/inference/form-based-prediction?id=${models.binary.id}`);
    expect(form.status).toBe(200);
    expect(form.body).toEqual({
      id: models.binary.id,
      headers: [
        { column_name: 'age', data_type: 'Float', default_value: null },
        { column_name: TENURE, data_type: 'Integer', default_value: null },
        { column_name: 'plan', data_type: 'String', default_value: 'basic' },
        { column_name: 'active', data_type: 'Boolean', default_value: null },
      ],
      target: 'churn',
      preprocess_id: models.binary.preprocess_id,
    });
    expect(
      (await json(`/api/v1/inference/form-based-prediction?id=${models.dated.id}`)).body.headers.map((h: any) => h.column_name),
    ).toContain('signup');
    expect((await json(`/api/v1/inference/form-based-prediction?id=${models.binary.id}`, { as: other })).status).toBe(404);
  });

  it('real-time, batch and the Python pipeline agree on the same rows (ONNX and the Python fallback)', async () => {
    for (const [kind, m] of Object.entries(models)) {
      const rec = await t.deps.db.selectFrom('trainings').select(['artifact']).where('id', '=', m.id).executeTakeFirstOrThrow();
      const artifact = rec.artifact as any;
      expect(Boolean(artifact.onnx_key), kind).toBe(kind !== 'dated'); // a date feature has no ONNX converter
      const ref = reference(m.id, artifact.model_key);

      const realtime: any[] = [];
      for (const r of scoreRows) {
        const res = await json('/api/v1/inference/', {
          method: 'POST',
          json: { train_id: m.id, preprocess_id: m.preprocess_id, target: m.target, features: features(r) },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        realtime.push(res.body);
      }
      const batch = await json('/api/v1/inference/batchPrediction', {
        method: 'POST',
        json: { train_id: m.id, dataset_id: scoreDatasetId },
      });
      expect(batch.status, JSON.stringify(batch.body)).toBe(202);
      expect(batch.body).toMatchObject({
        message: 'Batch prediction job started successfully.',
        status_code: 202,
        prediction_id: expect.any(Number),
      });
      const pid = batch.body.prediction_id as number;
      expect((await json(`/api/v1/inference/result?prediction_id=${pid}`, { as: other })).status).toBe(404);
      const result = await until(`prediction ${pid}`, async () => {
        const r = await json(`/api/v1/inference/result?prediction_id=${pid}`);
        return ['completed', 'failed', 'cancelled'].includes(r.body?.status) ? r.body : undefined;
      });
      expect(result, JSON.stringify(result)).toMatchObject({
        status: 'completed',
        result_path: `s3://${t.config.s3.bucket}/tenants/${tenantId}/predictions/${pid}/predictions.csv`,
        file_id: null,
        dataset_id: scoreDatasetId,
        no_of_records: 60,
        output_table: `gold.prediction_${pid}`,
      });
      const csv = await json(result.download_path);
      expect(csv.status).toBe(200);
      const out = new Map(parseCsv(csv.body).map((r) => [r.cid!, r]));
      expect(out.size).toBe(60);
      expect(inspectIcebergTable(t.config, `gold.prediction_${pid}`).rows).toBe(60);

      scoreRows.forEach((r, i) => {
        const b = out.get(r.cid!)!;
        const rt = realtime[i];
        if (kind === 'regression') {
          const want = ref.labels[i] as number;
          expect(Math.abs(rt.prediction - want), `${kind} row ${i}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(want)));
          expect(Math.abs(Number(b.prediction) - want)).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));
        } else {
          expect(rt.prediction, `${kind} row ${i}`).toBe(ref.labels[i]);
          expect(b.prediction).toBe(String(ref.labels[i]));
          ref.class_labels.forEach((label, j) => {
            const name = String(label);
            expect(Math.abs(rt.probabilities[name] - ref.proba![i]![j]!), `${kind} row ${i} p(${name})`).toBeLessThan(1e-5);
            expect(Math.abs(Number(b[`probability_${name}`]) - ref.proba![i]![j]!)).toBeLessThan(1e-9);
          });
        }
        expect(rt.accuracy).toEqual(expect.any(Number));
      });
    }
  }, 600_000);

  it('9.6 lists every prediction, real-time ones counted, each traceable to the model version, preprocessing and data snapshot', async () => {
    const m = models.binary;
    const list = await json(`/api/v1/inference/predictions?train_id=${m.id}`);
    expect(list.status).toBe(200);
    const rec = await t.deps.db.selectFrom('trainings').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    const batch = list.body.data.filter((p: any) => p.prediction_type === 'batch');
    const realtime = list.body.data.filter((p: any) => p.prediction_type === 'realtime');
    expect(batch).toHaveLength(1);
    expect(batch[0]).toMatchObject({
      train_id: m.id,
      dataset_id: scoreDatasetId,
      predictor_name: expect.any(String),
      input_data: `dataset_id:${scoreDatasetId}`,
      status: 'completed',
      no_of_records: 60,
      accuracy: rec.accuracy,
      problem_type: 'Classification',
      domain_name: 'Churn',
    });
    expect(realtime.reduce((a: number, p: any) => a + p.no_of_records, 0)).toBe(60);
    for (const p of list.body.data) {
      expect(p).toMatchObject({ model_version: rec.version, preprocess_id: rec.preprocess_id, train_snapshot_id: rec.snapshot_id });
    }
    expect((await json(`/api/v1/inference/predictions?train_id=${m.id}`, { as: other })).status).toBe(404);
  });

  it('lake interop: DuckDB and plain pyiceberg read a silver and a gold table through the REST catalog, same rows', async () => {
    const ds = await t.deps.db
      .selectFrom('datasets')
      .select(['iceberg_table_name'])
      .where('id', '=', trainDatasetId)
      .executeTakeFirstOrThrow();
    const list = await json(`/api/v1/inference/predictions?train_id=${models.binary.id}`);
    const batch = list.body.data.find((p: any) => p.prediction_type === 'batch');
    const result = await json(`/api/v1/inference/result?prediction_id=${batch.prediction_id}`);
    const silver = `silver.${ds.iceberg_table_name}`;
    const gold = result.body.output_table as string;
    expect(gold).toMatch(/^gold\.prediction_\d+$/);
    // Only what an outside engine is given: the catalog's address and warehouse, and an S3 key pair.
    const cfg = {
      catalog_uri: t.config.iceberg.catalogUri,
      warehouse: t.config.iceberg.warehouse,
      client_id: t.config.s3.accessKeyId,
      client_secret: t.config.s3.secretAccessKey,
      s3_endpoint: t.config.s3.endpoint,
      s3_region: t.config.s3.region,
      tables: [silver, gold],
    };
    const out = execFileSync(
      path.join(ROOT, 'ml/.venv/bin/python'),
      [path.join(ROOT, 'test/support/lake_interop.py'), JSON.stringify(cfg)],
      {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC' }, // no DATAML_* settings
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const read = JSON.parse(out.trim().split('\n').pop()!) as Record<string, Record<'pyiceberg' | 'duckdb', any>>;
    expect(read[silver]!.duckdb.rows).toBe(400);
    expect(read[gold]!.duckdb.rows).toBe(60);
    for (const table of [silver, gold]) {
      const { pyiceberg, duckdb } = read[table]!;
      expect(duckdb.columns, table).toEqual(pyiceberg.columns);
      expect(duckdb.digest, `${table}: ${JSON.stringify(duckdb.sample)} vs ${JSON.stringify(pyiceberg.sample)}`).toBe(pyiceberg.digest);
    }
    expect(read[silver]!.duckdb.columns).toEqual(expect.arrayContaining(TRAIN_TEMPLATE.map((c) => c.column_name)));
    expect(read[gold]!.duckdb.columns).toEqual(expect.arrayContaining(['cid', 'prediction']));
    // The same rows the platform itself reports: the job's own table inspection agrees on the count.
    expect(inspectIcebergTable(t.config, gold).rows).toBe(read[gold]!.pyiceberg.rows);
  }, 120_000);

  it('explain=true: per-row contributions of the original inputs that, with the base value, sum to the model output (9.1 and 9.2)', async () => {
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    const sum = (o: { base_value: number; contributions: Record<string, number> }) =>
      Object.values(o.contributions).reduce((a, b) => a + b, o.base_value);
    const inputs = ['age', TENURE, 'plan', 'active'];
    // binary xgboost (log-odds of the positive class, ONNX otherwise), linear regression (the value), dated lightgbm (Python server),
    // binary gam (log-odds)
    for (const [kind, m] of Object.entries(models)) {
      for (const r of scoreRows.slice(0, 5)) {
        const res = await json('/api/v1/inference/', {
          method: 'POST',
          json: { train_id: m.id, preprocess_id: m.preprocess_id, target: m.target, features: features(r), explain: true },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const e = res.body.explanation;
        const [label, out] = Object.entries(e.outputs as Record<string, any>)[0]!;
        expect(Object.keys(e.outputs)).toHaveLength(1);
        expect(Object.keys(out.contributions).sort()).toEqual(kind === 'dated' ? [...inputs, 'signup'].sort() : [...inputs].sort());
        expect(Math.abs(sum(out) - out.raw_output), kind).toBeLessThan(1e-6);
        if (kind === 'regression') {
          expect(e.output).toBe('value');
          expect(label).toBe('prediction');
          expect(Math.abs(out.raw_output - res.body.prediction)).toBeLessThan(1e-6 * Math.max(1, Math.abs(res.body.prediction)));
        } else {
          expect(e.output).toBe('log_odds');
          expect(label).toBe('true');
          expect(Math.abs(sigmoid(out.raw_output) - res.body.probabilities.true), kind).toBeLessThan(1e-5);
        }
      }
    }
    const m = models.binary;
    const batch = await json('/api/v1/inference/batchPrediction', {
      method: 'POST',
      json: { train_id: m.id, dataset_id: scoreDatasetId, explain: true },
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(202);
    const pid = batch.body.prediction_id as number;
    const result = await until(`prediction ${pid}`, async () => {
      const r = await json(`/api/v1/inference/result?prediction_id=${pid}`);
      return ['completed', 'failed', 'cancelled'].includes(r.body?.status) ? r.body : undefined;
    });
    expect(result.status, JSON.stringify(result)).toBe('completed');
    const out = parseCsv((await json(result.download_path)).body);
    expect(out).toHaveLength(60);
    for (const row of out) {
      const total = [...inputs.map((f) => `contribution_${f}`), 'contribution_base'].reduce((a, c) => a + Number(row[c]), 0);
      expect(Math.abs(sigmoid(total) - Number(row.probability_true)), JSON.stringify(row)).toBeLessThan(1e-5);
    }
  }, 300_000);

  it('bad inputs answer a clear 4xx and start nothing', async () => {
    const m = models.binary;
    const rayBefore = (await ray().list()).length;
    const batchCount = async () =>
      (
        await t.deps.db
          .selectFrom('predictions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('prediction_type', '=', 'batch')
          .executeTakeFirstOrThrow()
      ).n;
    const predictionsBefore = await batchCount();
    const good = {
      train_id: m.id,
      preprocess_id: m.preprocess_id,
      target: 'churn',
      features: { age: 41.5, [TENURE]: 12, plan: 'pro', active: true },
    };
    const rt = (body: unknown, as?: string) => json('/api/v1/inference/', { method: 'POST', json: body, as });
    expect((await rt(good)).status).toBe(200);
    // A missing optional feature is imputed like in training; Id/ignored template columns are accepted.
    expect((await rt({ ...good, features: { [TENURE]: 12, active: 'false', cid: 'x', spend: 3 } })).status).toBe(200);

    // A model still training (row written directly: its content does not matter), another tenant's, an unknown one.
    const predictor = await trainRepo.insertPredictor(t.deps.db, {
      tenantId,
      name: uniq('pending'),
      domain: 'Churn',
      problemType: 'Classification',
      username: 'test',
    });
    const pending = await trainRepo.insertTraining(t.deps.db, {
      tenantId,
      predictorId: predictor.id,
      version: 1,
      parentTrainingId: null,
      datasetId: trainDatasetId,
      fileSnapshotIds: [],
      icebergTable: 'silver.none',
      templateId: null,
      templateVersion: null,
      problemType: 'Classification',
      algorithm: 'xgboost',
      columns: [role('churn', 'Target')],
      config: {},
      seed: 42,
      isIncremental: false,
      shapEnabled: false,
      callbackSecretSha256: 'x',
      username: 'test',
      workflowIdFor: (id) => `never-started-${id}`,
    });
    const cases: Array<[string, Promise<{ status: number; body: any }>, number, string?]> = [
      ['unknown model', rt({ ...good, train_id: 987654321 }), 404],
      ["another tenant's model", rt(good, other), 404],
      ['model still training', rt({ ...good, train_id: pending.id }), 409],
      ['unknown feature', rt({ ...good, features: { ...good.features, colour: 'red' } }), 422, 'features.colour'],
      ['ill-typed Integer', rt({ ...good, features: { ...good.features, [TENURE]: 'twelve' } }), 422, `features.${TENURE}`],
      ['ill-typed Float', rt({ ...good, features: { ...good.features, age: 'old' } }), 422, 'features.age'],
      ['ill-typed Boolean', rt({ ...good, features: { ...good.features, active: 'maybe' } }), 422, 'features.active'],
      ['ill-typed String', rt({ ...good, features: { ...good.features, plan: 3 } }), 422, 'features.plan'],
      ['missing required', rt({ ...good, features: { age: 30, plan: 'pro', active: true } }), 422, `features.${TENURE}`],
      ['another preprocess_id', rt({ ...good, preprocess_id: models.regression.preprocess_id }), 422, 'preprocess_id'],
      ['another target', rt({ ...good, target: 'spend' }), 422, 'target'],
      [
        'forecast of a tabular model',
        json('/api/v1/inference/forecast', {
          method: 'POST',
          json: { train_id: m.id, preprocess_id: m.preprocess_id, steps: 3, frequency: 'Week', unique_id: 'a' },
        }),
        422,
        'train_id',
      ],
      [
        'exogenous of the wrong length',
        json('/api/v1/inference/forecast', {
          method: 'POST',
          json: { train_id: m.id, preprocess_id: m.preprocess_id, steps: 3, frequency: 'Week', unique_id: 'a', exogenous: [{}] },
        }),
        422,
        'exogenous',
      ],
      [
        'batch: wrong template',
        json('/api/v1/inference/batchPrediction', { method: 'POST', json: { train_id: m.id, dataset_id: wrongDatasetId } }),
        422,
        TENURE,
      ],
      [
        'batch: training dataset',
        json('/api/v1/inference/batchPrediction', { method: 'POST', json: { train_id: m.id, dataset_id: trainDatasetId } }),
        422,
        'usage',
      ],
      [
        'batch: unknown dataset',
        json('/api/v1/inference/batchPrediction', { method: 'POST', json: { train_id: m.id, dataset_id: 987654321 } }),
        422,
        'dataset_id',
      ],
      [
        'batch: model still training',
        json('/api/v1/inference/batchPrediction', { method: 'POST', json: { train_id: pending.id, dataset_id: scoreDatasetId } }),
        409,
      ],
      [
        "batch: another tenant's model",
        json('/api/v1/inference/batchPrediction', { method: 'POST', json: { train_id: m.id, dataset_id: scoreDatasetId }, as: other }),
        404,
      ],
      ['result: unknown prediction', json('/api/v1/inference/result?prediction_id=987654321'), 404],
    ];
    const failures: string[] = [];
    for (const [what, call, status, mention] of cases) {
      const r = await call;
      if (r.status !== status || (mention && !JSON.stringify(r.body).includes(mention)))
        failures.push(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    expect((await ray().list()).length).toBe(rayBefore);
    expect(await batchCount()).toBe(predictionsBefore);
  });

  it('9.4 forecasts steps ahead of the last date at the model frequency, with intervals and the exogenous values', async () => {
    expect(forecastTraining.training_status, JSON.stringify(forecastTraining)).toBe('Completed');
    const f = { train_id: forecastTraining.id, preprocess_id: forecastTraining.preprocess_id, steps: 3, frequency: 'Week', unique_id: 'A' };
    const exogenous = [{ promo: 1 }, { promo: 0 }, { promo: 1 }];
    const post = (body: unknown, as?: string) => json('/api/v1/inference/forecast', { method: 'POST', json: body, as });
    const ok = await post({ ...f, exogenous });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.covariates).toEqual([{ name: 'promo', use: 'future' }]);
    // The seed's plain request (no future values) still forecasts, from the covariate's past values only.
    const plain = await post(f);
    expect(plain.status, JSON.stringify(plain.body)).toBe(200);
    expect(plain.body.forecast).toHaveLength(3);
    expect(plain.body.covariates).toEqual([{ name: 'promo', use: 'lags' }]);
    const last = SERIES_START + (SERIES_WEEKS - 1) * 7 * 86_400_000;
    expect(ok.body.forecast.map((s: any) => s.date)).toEqual(
      [1, 2, 3].map((k) => new Date(last + k * 7 * 86_400_000).toISOString().slice(0, 10)),
    );
    for (const s of ok.body.forecast) {
      expect(s.confidence).toBe(0.95);
      expect(s.lower).toBeLessThanOrEqual(s.value);
      expect(s.upper).toBeGreaterThanOrEqual(s.value);
      expect(s.value).toBeGreaterThan(100); // series A trends upwards from 100
    }
    // A promotion week is forecast higher than the week without one.
    expect(ok.body.forecast[0].value).toBeGreaterThan(ok.body.forecast[1].value);
    // The series' last observed weeks come with it (for a chart), ending the week before the first forecast.
    const history = ok.body.history as Array<{ date: string; value: number }>;
    expect(history.length).toBe(Math.min(SERIES_WEEKS, 60));
    expect(history.at(-1)!.date).toBe(new Date(last).toISOString().slice(0, 10));
    const observed = seriesCsv()
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('A,'))
      .map((l) => Number(l.split(',')[3]));
    expect(history.at(-1)!.value).toBeCloseTo(observed.at(-1)!, 6);

    const cases: Array<[string, unknown, number, string?]> = [
      ['ill-typed exogenous', { ...f, exogenous: [{ promo: 'x' }, { promo: 0 }, { promo: 1 }] }, 422, 'exogenous.0.promo'],
      ['unknown exogenous', { ...f, exogenous: exogenous.map((e) => ({ ...e, price: 3 })) }, 422, 'price'],
      ['another frequency', { ...f, frequency: 'Day', exogenous }, 422, 'frequency'],
      ['unknown series', { ...f, unique_id: 'nope', exogenous }, 404],
      ['another preprocess_id', { ...f, preprocess_id: models.binary.preprocess_id, exogenous }, 422, 'preprocess_id'],
      ['unknown model', { ...f, train_id: 987654321, exogenous }, 404],
    ];
    const failures: string[] = [];
    for (const [what, body, status, mention] of cases) {
      const r = await post(body);
      if (r.status !== status || (mention && !JSON.stringify(r.body).includes(mention)))
        failures.push(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    expect((await post({ ...f, exogenous }, other)).status).toBe(404);
    expect(failures).toEqual([]);
    // A forecast model is not a real-time tabular model.
    expect(
      (
        await json('/api/v1/inference/', {
          method: 'POST',
          json: { train_id: f.train_id, preprocess_id: f.preprocess_id, target: 'sales', features: {} },
        })
      ).status,
    ).toBe(422);
    const list = await json(`/api/v1/inference/predictions?train_id=${f.train_id}`);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.data[0]).toMatchObject({
      prediction_type: 'forecast',
      no_of_records: 3,
      input_data: 'unique_id:A;steps:3',
      problem_type: 'Forecast',
      status: 'completed',
    });
  });
});
