// Training end to end on the real stack: a generated CSV goes through the data module (upload → validate → Iceberg),
// then models are trained through the API (8.1) by the train workflow and its Ray job, and read back (8.3, 10.5, 8.8...).
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RayJobsClient } from '../../integrations/ray-jobs-client.js';
import { startJobSuite, type JobSuite } from '../support/job-suite.js';
import { uniq } from '../support/stack.js';

import { customersCsv, rng, roles, TEMPLATE } from '../support/train-data.js';

describe('training on the real stack', () => {
  let suite: JobSuite;
  let t: JobSuite['t'];
  let token: string;
  let other: string;
  let datasetId: number;
  let tenantId: string;
  const ray = () => new RayJobsClient(t.config.ray.address);

  const json = async (p: string, init: RequestInit & { json?: unknown; as?: string } = {}) => {
    const res = await t.call(p, { ...init, token: init.as ?? token });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
  };
  const train = (body: Record<string, unknown>, as?: string) =>
    json('/api/v1/train/', {
      method: 'POST',
      json: { domain: 'Churn', problem_type: 'Classification', dataset_id: datasetId, ...body },
      as,
    });
  const listed = async (id: number) => ((await json('/api/v1/train/list')).body.data as any[]).find((x) => x.id === id);
  async function finished(id: number, timeoutMs = 240_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const row = await listed(id);
      if (['Completed', 'Failed', 'Cancelled'].includes(row?.training_status)) return row;
      if (Date.now() > until) throw new Error(`training ${id} did not finish: ${JSON.stringify(row)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const summary = async (id: number) => (await json(`/api/v1/train/model-summary?train_id=${id}`)).body;

  beforeAll(async () => {
    suite = await startJobSuite();
    ({ t, token, tenantId, other } = suite);
    const tpl = await json('/api/v1/template/', { method: 'POST', json: { template_name: uniq('customers'), template_schema: TEMPLATE } });
    expect(tpl.status).toBe(201);
    const form = new FormData();
    form.append('files', new Blob([customersCsv(800)], { type: 'text/csv' }), 'customers.csv');
    const up = await json(`/api/v1/dataset/upload?dataset_name=${uniq('customers')}&usage=t&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status).toBe(201);
    datasetId = up.body.dataset_id;
    const until = Date.now() + 180_000;
    for (;;) {
      const d = ((await json('/api/v1/dataset/list')).body.data as any[]).find((x) => x.id === datasetId);
      if (d?.is_valid === true) break;
      if (d?.is_valid === false || Date.now() > until) throw new Error(`dataset did not validate: ${JSON.stringify(d)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }, 300_000);
  afterAll(() => suite?.close());

  it('8.2 returns the schema and the roles; 8.1 rejects every invalid request with 422 before any Ray job starts', async () => {
    const details = await json('/api/v1/train/get_details', {
      method: 'POST',
      json: { dataset_id: datasetId, predictor_name: 'x', domain: 'Churn', problem_type: 'Classification' },
    });
    expect(details.status).toBe(200);
    expect(details.body.dataset_schema).toHaveLength(TEMPLATE.length);
    expect(details.body.dataset_schema[1]).toEqual({ column_name: 'age', data_type: 'Float' });
    expect(details.body.attributes).toEqual(['Id', 'Target', 'Feature', 'Ignore']);

    // Datasets in states a training must refuse (rows written directly: their content does not matter).
    const mk = async (usage: 't' | 'p', isValid: boolean | null) => {
      const row = await t.deps.db
        .insertInto('datasets')
        .values({
          tenant_id: tenantId,
          dataset_name: uniq('bad'),
          usage,
          data_source: 'csv',
          iceberg_table_name: uniq('none'),
          is_valid: isValid,
          created_by: 'test',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const forPrediction = await mk('p', true);
    const validating = await mk('t', null);
    const invalid = await mk('t', false);

    const before = (await ray().list()).length;
    const trainingsBefore = (await json('/api/v1/train/list')).body.total;
    const good = { predictor_name: uniq('bad'), columns: roles('churn', ['segment', 'spend', 'const_flag']) };
    const cases: Array<[string, Record<string, unknown>, string, string?]> = [
      ['unknown dataset', { ...good, dataset_id: 987654321 }, 'dataset_id'],
      ['usage p', { ...good, dataset_id: forPrediction }, 'dataset_id'],
      ['still validating', { ...good, dataset_id: validating }, 'dataset_id'],
      ['invalid dataset', { ...good, dataset_id: invalid }, 'dataset_id'],
      ['problem type', { ...good, problem_type: 'Clustering' }, 'problem_type'],
      [
        'unknown column',
        { ...good, columns: [...roles('churn', []), { column_name: 'nope', data_type: 'Float', attribute_name: 'Feature' }] },
        'columns.2.column_name',
      ],
      [
        'wrong data type',
        { ...good, columns: [{ column_name: 'cid', data_type: 'Integer', attribute_name: 'Id' }, ...roles('churn', []).slice(1)] },
        'columns.0.data_type',
      ],
      [
        'two targets',
        { ...good, columns: [...roles('churn', []), { column_name: 'segment', data_type: 'String', attribute_name: 'Target' }] },
        'columns',
      ],
      ['no target', { ...good, columns: [{ column_name: 'cid', data_type: 'String', attribute_name: 'Id' }] }, 'columns'],
      ['target type', { ...good, problem_type: 'Regression', columns: roles('segment', ['churn']) }, 'columns.1.attribute_name'],
      ['algorithm', { ...good, algorithm: 'ets' }, 'algorithm'],
      ['unknown algorithm', { ...good, algorithm: 'deep_magic' }, 'algorithm'],
      [
        'Time outside Forecast',
        { ...good, columns: [...roles('churn', []), { column_name: 'tenure', data_type: 'Integer', attribute_name: 'Time' }] },
        'columns',
      ],
    ];
    const failures: string[] = [];
    for (const [what, body, field] of cases) {
      const r = await train(body);
      const fields = JSON.stringify(r.body?.error?.details ?? r.body);
      if (r.status !== 422 || !fields.includes(`"${field}`)) failures.push(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    // Another tenant's user cannot train on (or see) this dataset.
    expect((await train(good, other)).status).toBe(422);
    expect((await ray().list()).length).toBe(before);
    expect((await json('/api/v1/train/list')).body.total).toBe(trainingsBefore);
  });

  let binaryId: number;
  let binaryAgainId: number;
  let multiId: number;
  let regressionId: number;

  it('trains binary, multiclass and regression models that beat the trivial baselines, reproducibly', { timeout: 400_000 }, async () => {
    const started = await Promise.all([
      train({
        predictor_name: uniq('churn'),
        algorithm: 'xgboost',
        shap_enabled: true,
        columns: roles('churn', ['segment', 'spend', 'const_flag']),
      }),
      train({ predictor_name: uniq('churn_again'), algorithm: 'xgboost', columns: roles('churn', ['segment', 'spend', 'const_flag']) }),
      train({
        predictor_name: uniq('segment'),
        algorithm: 'lightgbm',
        columns: roles('segment', ['churn', 'spend', 'const_flag', 'active']),
      }),
      train({
        predictor_name: uniq('spend'),
        problem_type: 'Regression',
        algorithm: 'auto',
        time_budget_seconds: 60,
        columns: roles('spend', ['churn', 'segment', 'const_flag']),
      }),
    ]);
    for (const s of started) expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect(started[0]!.body).toMatchObject({
      tenant_id: tenantId,
      problem_type: 'Classification',
      dataset_id: datasetId,
      training_status: 'Submitted',
    });
    expect(started[0]!.body.workflow_id).toBe(`train-${started[0]!.body.id}`);
    [binaryId, binaryAgainId, multiId, regressionId] = started.map((s) => s.body.id as number);
    // The name is taken now.
    expect(
      (
        await train({
          predictor_name: started[0]!.body.predictor_name.toUpperCase(),
          columns: roles('churn', ['segment', 'spend', 'const_flag']),
        })
      ).status,
    ).toBe(409);

    const rows = [];
    for (const id of [binaryId, binaryAgainId, multiId, regressionId]) rows.push(await finished(id));
    for (const row of rows) expect(row.training_status, JSON.stringify(row)).toBe('Completed');
    expect(rows.map((r) => r.train_status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(rows[0]).toMatchObject({ algorithm: 'xgboost', dataset_id: datasetId, version: 1, parent_id: null, error: null });
    expect(rows[0].preprocess_id).toBeGreaterThan(0);
    expect(rows[0].ray_job_id).toMatch(/^train-\d+--train-/);

    const bin = await summary(binaryId);
    expect(bin.model_summary.model).toBe('XGBClassifier');
    expect(bin.model_summary.accuracy).toBeGreaterThan(bin.model_summary.baseline.accuracy + 0.15);
    expect(bin.model_summary.roc_auc).toBeGreaterThan(0.85);
    expect(bin.confusion_matrix).toHaveLength(2);
    expect(bin.confusion_matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(160);
    expect(bin.model_summary.class_labels).toEqual([false, true]); // the order of the matrix's rows and columns
    expect(rows[0].accuracy).toBe(bin.model_summary.accuracy);
    // Same inputs and seed, another predictor: the same metrics.
    expect((await summary(binaryAgainId)).model_summary).toEqual(bin.model_summary);

    const multi = await summary(multiId);
    expect(multi.confusion_matrix).toHaveLength(3);
    expect(multi.model_summary.class_labels).toHaveLength(3);
    expect(multi.model_summary.accuracy).toBeGreaterThan(multi.model_summary.baseline.accuracy + 0.15);

    const reg = await summary(regressionId);
    expect(reg.model_summary.r2).toBeGreaterThan(0.8);
    expect(reg.model_summary.rmse).toBeLessThan(0.5 * reg.model_summary.baseline.rmse);
    expect(reg.model_summary.mae).toBeGreaterThan(0);
    expect(reg.confusion_matrix).toBeNull();
    expect(reg.model_summary.class_labels).toBeUndefined();
    expect(reg.model_summary.leaderboard.filter((r: any) => r.selected)).toHaveLength(1);
    expect(rows[3].accuracy).toBe(reg.model_summary.r2);

    // What was recorded: the snapshot read, the template version, the artifact in S3 with its library versions.
    // The ONNX copy follows Completed (workflows/onnx.ts): the training's workflow closes once it is recorded.
    await t.deps.temporal.workflow.getHandle(rows[0].workflow_id).result();
    const rec = await t.deps.db.selectFrom('trainings').selectAll().where('id', '=', binaryId).executeTakeFirstOrThrow();
    const files = await t.deps.db.selectFrom('dataset_files').select('snapshot_id').where('dataset_id', '=', datasetId).execute();
    expect(rec.snapshot_id).toBe(files[0]!.snapshot_id);
    expect(rec.template_version).toBe(1);
    expect(rec.seed).toBe(42);
    expect(rec.library_versions).toMatchObject({ 'scikit-learn': expect.any(String), xgboost: expect.any(String) });
    const artifact = rec.artifact as any;
    expect(artifact.model_key).toBe(`tenants/${tenantId}/models/${binaryId}/v1/model.joblib`);
    expect(artifact.onnx_key).toBe(`tenants/${tenantId}/models/${binaryId}/v1/model.onnx`);
    await t.deps.s3.send(new HeadObjectCommand({ Bucket: t.config.s3.bucket, Key: artifact.model_key }));
    const meta = JSON.parse(
      await (
        await t.deps.s3.send(new GetObjectCommand({ Bucket: t.config.s3.bucket, Key: artifact.metadata_key }))
      ).Body!.transformToString(),
    );
    expect(meta).toMatchObject({
      target: 'churn',
      problem_type: 'Classification',
      class_labels: [false, true],
      dataset_snapshot_id: rec.snapshot_id,
      seed: 42,
    });
    expect(meta.features.map((f: any) => f.column_name)).toEqual(['age', 'tenure', 'plan', 'active']);
    const pre = await t.deps.db.selectFrom('preprocess_records').selectAll().where('id', '=', rec.preprocess_id!).executeTakeFirstOrThrow();
    expect((pre.description as any).features.find((f: any) => f.name === 'plan').impute).toEqual({ strategy: 'constant', value: 'basic' });
  });

  it('reads a model back: 8.8 schema, 8.6 update, tenant isolation, and protects the dataset it was trained on', async () => {
    const schema = await json(`/api/v1/train/download-schema/${binaryId}`);
    expect(schema.status).toBe(200);
    expect(schema.body.schema.map((c: any) => c.column_name)).toEqual(['cid', 'age', 'tenure', 'plan', 'active', 'churn']);

    const own = (await listed(binaryId)).preprocess_id;
    const again = (await listed(binaryAgainId)).preprocess_id;
    const otherFeatures = (await listed(multiId)).preprocess_id; // trained without `active`
    expect((await json('/api/v1/train/update/', { method: 'POST', json: { train_id: binaryId, preprocess_id: again } })).status).toBe(200);
    expect((await listed(binaryId)).preprocess_id).toBe(again);
    expect(
      (await json('/api/v1/train/update/', { method: 'POST', json: { train_id: binaryId, preprocess_id: otherFeatures } })).status,
    ).toBe(422);
    expect((await json('/api/v1/train/update/', { method: 'POST', json: { train_id: binaryId, preprocess_id: own } })).status).toBe(200);

    for (const p of [`/api/v1/train/model-summary?train_id=${binaryId}`, `/api/v1/train/download-schema/${binaryId}`]) {
      expect((await json(p, { as: other })).status).toBe(404);
    }
    expect((await json(`/api/v1/train/delete/${binaryId}`, { method: 'DELETE', as: other })).status).toBe(404);
    expect((await json('/api/v1/train/list', { as: other })).body.data.some((x: any) => x.id === binaryId)).toBe(false);
    expect((await json(`/api/v1/dataset/delete/${datasetId}`, { method: 'DELETE' })).status).toBe(409);
  });

  it('SHAP: shap_enabled on 8.1, 8.10 generate, 8.9 view, 8.12 delete (mean |SHAP| per original feature)', {
    timeout: 300_000,
  }, async () => {
    const view = (id: number, as?: string) => json(`/api/v1/train/view-feature-importance?train_id=${id}`, { as });
    async function shapDone(id: number) {
      const until = Date.now() + 180_000;
      for (;;) {
        const r = await view(id);
        if (r.status === 200 && ['completed', 'failed', 'cancelled'].includes(r.body.status)) return r.body;
        if (Date.now() > until) throw new Error(`SHAP of ${id} did not finish: ${JSON.stringify(r.body)}`);
        await new Promise((res) => setTimeout(res, 1000));
      }
    }
    const bin = await shapDone(binaryId);
    expect(bin.status, JSON.stringify(bin)).toBe('completed');
    expect(Object.keys(bin.feature_importance).sort()).toEqual(['active', 'age', 'plan', 'tenure']);
    expect(Object.values(bin.feature_importance as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect((await view(binaryId, other)).status).toBe(404);

    expect((await view(regressionId)).status).toBe(404);
    const gen = await json(`/api/v1/train/generate-feature-importance?train_id=${regressionId}`);
    expect(gen.status).toBe(200);
    expect(gen.body).toMatchObject({ status: 'success', message: 'Feature importance job submitted successfully.' });
    expect(gen.body.shap_job_id).toMatch(new RegExp(`^shap-${regressionId}-`));
    const reg = await shapDone(regressionId);
    expect(reg.status).toBe('completed');
    expect(reg.feature_importance.tenure).toBeGreaterThan(0.1);
    const del = await json(`/api/v1/train/delete-feature-importance/${regressionId}`, { method: 'DELETE' });
    expect(del.body).toEqual({ status_code: 200, message: 'Feature importance results deleted successfully' });
    expect((await view(regressionId)).status).toBe(404);
  });

  it('trains a forecast per series with an exogenous column that beats seasonal naive', { timeout: 400_000 }, async () => {
    const r = rng(5);
    const lines = ['store,day,promo,sales'];
    const start = Date.UTC(2024, 0, 1);
    for (const store of ['s0', 's1']) {
      for (let i = 0; i < 150; i++) {
        const d = new Date(start + i * 86_400_000);
        const promo = r.u() < 0.2 ? 1 : 0;
        const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 1 : 0;
        const sales = 100 + (store === 's1' ? 10 : 0) + 0.1 * i + 15 * weekend + 25 * promo + 2 * r.normal();
        lines.push([store, d.toISOString().slice(0, 10), promo, sales.toFixed(2)].join(','));
      }
    }
    const schema = [
      { column_name: 'store', data_type: 'String' },
      { column_name: 'day', data_type: 'Date' },
      { column_name: 'promo', data_type: 'Float' },
      { column_name: 'sales', data_type: 'Float' },
    ];
    const tpl = await json('/api/v1/template/', { method: 'POST', json: { template_name: uniq('sales'), template_schema: schema } });
    const form = new FormData();
    form.append('files', new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }), 'sales.csv');
    const up = await json(`/api/v1/dataset/upload?dataset_name=${uniq('sales')}&usage=t&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status).toBe(201);
    const until = Date.now() + 180_000;
    for (;;) {
      const d = ((await json('/api/v1/dataset/list')).body.data as any[]).find((x) => x.id === up.body.dataset_id);
      if (d?.is_valid === true) break;
      if (d?.is_valid === false || Date.now() > until) throw new Error(`sales dataset did not validate: ${JSON.stringify(d)}`);
      await new Promise((res) => setTimeout(res, 1000));
    }
    const columns = [
      { column_name: 'store', data_type: 'String', attribute_name: 'Id' },
      { column_name: 'day', data_type: 'Date', attribute_name: 'Time' },
      { column_name: 'sales', data_type: 'Float', attribute_name: 'Target' },
    ];
    const bad = await json('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: up.body.dataset_id,
        predictor_name: uniq('fc'),
        domain: 'Forecast',
        problem_type: 'Forecast',
        algorithm: 'random_forest',
        columns,
      },
    });
    expect(bad.status).toBe(422);
    const fc = await json('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: up.body.dataset_id,
        predictor_name: uniq('fc'),
        domain: 'Forecast',
        problem_type: 'Forecast',
        algorithm: 'lightgbm',
        forecast_horizon: 14,
        columns,
      },
    });
    expect(fc.status, JSON.stringify(fc.body)).toBe(201);
    const row = await finished(fc.body.id);
    expect(row.training_status, JSON.stringify(row)).toBe('Completed');
    const s = await summary(fc.body.id);
    expect(s.model_summary.mase).toBeLessThan(0.8 * s.model_summary.baseline.mase);
    expect(s.model_summary.smape).toBeLessThan(0.1);
    expect(row.accuracy).toBeCloseTo(1 - s.model_summary.smape / 2, 9);
    const rec = await t.deps.db
      .selectFrom('trainings')
      .select(['config', 'artifact'])
      .where('id', '=', fc.body.id)
      .executeTakeFirstOrThrow();
    expect((rec.config as any).resolved).toMatchObject({ frequency: 'D', season_length: 7, horizon: 14, exogenous: ['promo'], series: 2 });
    expect((rec.artifact as any).onnx_key).toBeNull();
  });

  it('8.7: an unauthenticated or wrong-secret callback cannot touch a model', async () => {
    const body = { train_id: binaryId, result: { metrics: { accuracy: 0.01 } } };
    const none = await t.app.request('/api/v1/train/result', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect([401, 422]).toContain(none.status);
    const wrong = await t.app.request('/api/v1/train/result', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-callback-secret': 'not-the-secret-of-this-job' },
      body: JSON.stringify(body),
    });
    expect(wrong.status).toBe(401);
    const shap = await t.app.request('/api/v1/train/shap-result', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-callback-secret': 'not-the-secret-of-this-job' },
      body: JSON.stringify({ training_id: binaryId, result: { age: 1 } }),
    });
    expect(shap.status).toBe(401);
    expect((await summary(binaryId)).model_summary.accuracy).toBeGreaterThan(0.5);
  });

  it('a job that fails reports an error a user can act on', async () => {
    const r = await train({
      predictor_name: uniq('const'),
      algorithm: 'linear',
      columns: roles('const_flag', ['churn', 'segment', 'spend']),
    });
    expect(r.status).toBe(201);
    const row = await finished(r.body.id);
    expect(row.training_status).toBe('Failed');
    expect(row.error).toContain("the target column 'const_flag' has a single value");
    expect((await json(`/api/v1/train/model-summary?train_id=${r.body.id}`)).status).toBe(409);
  });

  it('12.1 terminates a training: the Ray job is stopped and the training is Cancelled', async () => {
    const r = await train({
      predictor_name: uniq('stopme'),
      algorithm: 'auto',
      columns: roles('churn', ['segment', 'spend', 'const_flag']),
    });
    expect(r.status).toBe(201);
    let rayJobId: string | null = null;
    const until = Date.now() + 60_000;
    while (!rayJobId) {
      rayJobId = (await listed(r.body.id))?.ray_job_id ?? null;
      if (Date.now() > until) throw new Error('no Ray job id listed');
      if (!rayJobId) await new Promise((res) => setTimeout(res, 200));
    }
    expect((await json(`/api/v1/ray/terminate_ray_job?ray_job_id=${rayJobId}&usage=training`, { method: 'POST', as: other })).status).toBe(
      404,
    );
    const term = await json(`/api/v1/ray/terminate_ray_job?ray_job_id=${rayJobId}&usage=training`, { method: 'POST' });
    expect(term.status).toBe(200);
    expect(term.body).toEqual({ status: 'success', message: `Termination request for Ray job '${rayJobId}' has been sent.` });
    const row = await finished(r.body.id, 60_000);
    expect(row.training_status).toBe('Cancelled');
    expect((await ray().get(rayJobId))?.status).toBe('STOPPED');
    expect((await json(`/api/v1/ray/terminate_ray_job?ray_job_id=${rayJobId}&usage=training`, { method: 'POST' })).status).toBe(409);
    // 8.4 agrees with Temporal.
    const refreshed = await json('/api/v1/train/refresh');
    expect(refreshed.body.data.find((x: any) => x.id === r.body.id).training_status).toBe('Cancelled');
  });

  it('8.5 deletes a model: artifacts and records', async () => {
    const rec = await t.deps.db.selectFrom('trainings').select(['artifact']).where('id', '=', binaryAgainId).executeTakeFirstOrThrow();
    const key = (rec.artifact as any).model_key as string;
    // A batch prediction running on the model blocks the delete.
    const pred = await t.deps.db
      .insertInto('predictions')
      .values({
        tenant_id: tenantId,
        training_id: binaryAgainId,
        prediction_type: 'batch',
        model_version: 1,
        input_data: 'test',
        status: 'Running',
        created_by: 'test',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await json(`/api/v1/train/delete/${binaryAgainId}`, { method: 'DELETE' })).status).toBe(409);
    await t.deps.db.updateTable('predictions').set({ status: 'Completed' }).where('id', '=', pred.id).execute();
    const del = await json(`/api/v1/train/delete/${binaryAgainId}`, { method: 'DELETE' });
    expect(del).toEqual({ status: 200, body: { status_code: 200, message: 'Training job deleted successfully' } });
    expect(await listed(binaryAgainId)).toBeUndefined();
    await expect(t.deps.s3.send(new HeadObjectCommand({ Bucket: t.config.s3.bucket, Key: key }))).rejects.toThrow();
    expect((await json(`/api/v1/train/delete/${binaryAgainId}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('incremental training continues the latest version on newly validated rows, as a new version with lineage', {
    timeout: 400_000,
  }, async () => {
    const parent = await listed(binaryId);
    const body = {
      predictor_name: parent.predictor_name,
      is_incremental: true,
      columns: roles('churn', ['segment', 'spend', 'const_flag']),
    };
    // Nothing new yet: the job says so.
    const none = await train(body);
    expect(none.status, JSON.stringify(none.body)).toBe(201);
    expect((await finished(none.body.id)).error).toContain('no rows were validated since the previous version');

    const form = new FormData();
    form.append('files', new Blob([customersCsv(500, 99)], { type: 'text/csv' }), 'more-customers.csv');
    const add = await json(`/api/v1/files/add?dataset_id=${datasetId}`, { method: 'POST', body: form });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    const until = Date.now() + 180_000;
    for (;;) {
      const d = ((await json('/api/v1/dataset/list')).body.data as any[]).find((x) => x.id === datasetId);
      if (d?.is_valid === true) break;
      if (d?.is_valid === false || Date.now() > until) throw new Error(`dataset did not validate: ${JSON.stringify(d)}`);
      await new Promise((res) => setTimeout(res, 1000));
    }
    expect((await train({ ...body, predictor_name: uniq('nope') })).status).toBe(422); // no such predictor
    // The failed attempt was version 2; version 3 continues version 1, the newest completed one.
    const inc = await train(body);
    expect(inc.status, JSON.stringify(inc.body)).toBe(201);
    const row = await finished(inc.body.id);
    expect(row, JSON.stringify(row)).toMatchObject({
      training_status: 'Completed',
      version: 3,
      parent_id: binaryId,
      algorithm: 'xgboost',
      predictor_name: parent.predictor_name,
    });
    const s = await summary(inc.body.id);
    expect(s.model_summary.accuracy).toBeGreaterThan(s.model_summary.baseline.accuracy + 0.15);
    const rec = await t.deps.db
      .selectFrom('trainings')
      .select(['metrics', 'snapshot_id', 'artifact'])
      .where('id', '=', inc.body.id)
      .executeTakeFirstOrThrow();
    expect((rec.metrics as any).rows.new_rows).toBe(500);
    expect(rec.snapshot_id).not.toBe(
      (await t.deps.db.selectFrom('trainings').select('snapshot_id').where('id', '=', binaryId).executeTakeFirstOrThrow()).snapshot_id,
    );
    expect((rec.artifact as any).model_key).toBe(`tenants/${tenantId}/models/${inc.body.id}/v3/model.joblib`);
  });
});
