// The model lifecycle on the real stack (issue 15). Aliases: two versions of one predictor trained through the API (8.1, then
// an incremental version after 7.1 adds rows), an alias set, moved and deleted through one API process while a
// second process (its own change feed, model cache and ONNX sessions) serves 9.1 by alias without a failure, and
// the audit trail. 9.2, 9.3 and 9.4 take the alias too. Export: a version's artifacts and model card as a .tar.gz.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobSuite, type JobSuite } from '../support/job-suite.js';
import { buildTestApp, uniq } from '../support/stack.js';
import { customersCsv, roles, TEMPLATE } from '../support/train-data.js';

type App = Awaited<ReturnType<typeof buildTestApp>>;

describe('model lifecycle: aliases and export', () => {
  let suite: JobSuite;
  let a: App; // the process that moves the alias
  let b: App; // another API process serving by alias
  let token: string;
  let predictor: string;
  let v1: number;
  let v2: number;
  let preprocess: Record<number, number>;
  const features = { age: 52.5, tenure: 30, plan: 'plus', active: true };

  const call = async (app: App, p: string, init: RequestInit & { json?: unknown } = {}) => {
    const res = await app.call(p, { ...init, token });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 240_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await f();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const datasetValid = (id: number) =>
    until(`dataset ${id}`, async () => {
      const d = ((await call(a, '/api/v1/dataset/list')).body.data as any[]).find((x) => x.id === id);
      if (d?.is_valid === false) throw new Error(`dataset ${id} is invalid`);
      return d?.is_valid === true ? true : undefined;
    });
  const trained = (id: number) =>
    until(`training ${id}`, async () => {
      const row = ((await call(a, '/api/v1/train/list')).body.data as any[]).find((x) => x.id === id);
      if (['Failed', 'Cancelled'].includes(row?.training_status)) throw new Error(`training ${id}: ${JSON.stringify(row)}`);
      if (row?.training_status !== 'Completed') return undefined;
      // The ONNX copy follows Completed (workflows/onnx.ts); the export below ships it.
      const rec = await a.deps.db.selectFrom('trainings').select(['artifact']).where('id', '=', id).executeTakeFirstOrThrow();
      return (rec.artifact as any)?.onnx_status === 'pending' ? undefined : row;
    });
  const predictBody = (trainId: number | string) => ({
    train_id: trainId,
    preprocess_id: preprocess[typeof trainId === 'number' ? trainId : v1]!,
    features,
    target: 'churn',
  });
  const predict = (app: App, trainId: number | string) => call(app, '/api/v1/inference/', { method: 'POST', json: predictBody(trainId) });
  const predictWith = (as: string, trainId: number | string) =>
    b.call('/api/v1/inference/', { method: 'POST', json: predictBody(trainId), token: as });
  const aliasPath = (alias: string) => `/api/v1/predictors/${encodeURIComponent(predictor)}/aliases/${alias}`;
  const setAlias = (alias: string, trainId: number) => call(a, aliasPath(alias), { method: 'PUT', json: { train_id: trainId } });

  beforeAll(async () => {
    suite = await startJobSuite();
    a = suite.t;
    token = suite.token;
    b = await buildTestApp();
    const tpl = await call(a, '/api/v1/template/', { method: 'POST', json: { template_name: uniq('tpl'), template_schema: TEMPLATE } });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(201);
    const form = new FormData();
    form.append('files', new Blob([customersCsv(300, 21)], { type: 'text/csv' }), 'rows.csv');
    const up = await call(a, `/api/v1/dataset/upload?dataset_name=${uniq('ds')}&usage=t&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const datasetId = up.body.dataset_id as number;
    await datasetValid(datasetId);
    predictor = uniq('churn@');
    const body = {
      dataset_id: datasetId,
      predictor_name: predictor,
      domain: 'Churn',
      problem_type: 'Classification',
      algorithm: 'lightgbm',
      columns: roles('churn', ['segment', 'spend', 'const_flag']),
    };
    const first = await call(a, '/api/v1/train/', { method: 'POST', json: body });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    v1 = first.body.id;
    await trained(v1);
    // A second version: more rows, then an incremental training of the same predictor.
    const more = new FormData();
    more.append('files', new Blob([customersCsv(200, 22)], { type: 'text/csv' }), 'more.csv');
    const add = await call(a, `/api/v1/files/add?dataset_id=${datasetId}`, { method: 'POST', body: more });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    await datasetValid(datasetId);
    const second = await call(a, '/api/v1/train/', { method: 'POST', json: { ...body, is_incremental: true } });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    v2 = second.body.id;
    await trained(v2);
    preprocess = {};
    for (const id of [v1, v2]) {
      const form9_3 = await call(a, `/api/v1/inference/form-based-prediction?id=${id}`);
      expect(form9_3.status).toBe(200);
      preprocess[id] = form9_3.body.preprocess_id;
    }
  }, 600_000);
  afterAll(async () => {
    await b?.close();
    await suite?.close();
  });

  it('sets an alias and 9.1-9.4 accept it where they take a train_id', async () => {
    expect((await predict(b, `${predictor}@champion`)).status).toBe(404); // not set yet
    const set = await setAlias('Champion', v1); // names are case-insensitive, stored lower-case
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ alias: 'champion', ref: `${predictor}@champion`, train_id: v1, previous_train_id: null });

    const direct = await predict(b, v1);
    expect(direct.status, JSON.stringify(direct.body)).toBe(200);
    const byAlias = await until('the alias in the other process', async () => {
      const r = await predict(b, `${predictor}@champion`);
      return r.status === 200 ? r : undefined;
    });
    expect(byAlias.body).toEqual(direct.body);
    // 9.3: the form of the version the alias names.
    const form = await call(b, `/api/v1/inference/form-based-prediction?id=${encodeURIComponent(`${predictor}@champion`)}`);
    expect(form.status).toBe(200);
    expect(form.body.id).toBe(v1);
    // 9.2 resolves it before checking the dataset (a missing dataset: 422, not the alias's 404).
    const batch = await call(b, '/api/v1/inference/batchPrediction', {
      method: 'POST',
      json: { train_id: `${predictor}@champion`, dataset_id: 987_654_321 },
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(422);
    expect(batch.body.error.details[0].path).toBe('dataset_id');
    // 9.4 resolves it to a tabular model: 422 wrong problem type (an unknown alias is 404).
    const fc = { preprocess_id: preprocess[v1], steps: 2, frequency: 'Week', unique_id: 'A' };
    const forecast = await call(b, '/api/v1/inference/forecast', { method: 'POST', json: { ...fc, train_id: `${predictor}@champion` } });
    expect(forecast.status, JSON.stringify(forecast.body)).toBe(422);
    expect(forecast.body.error.details[0].code).toBe('wrong_problem_type');
    const unknown = await call(b, '/api/v1/inference/forecast', { method: 'POST', json: { ...fc, train_id: `${predictor}@nope` } });
    expect(unknown.status).toBe(404);

    const list = await call(a, `/api/v1/predictors/${encodeURIComponent(predictor)}/aliases`);
    expect(list.status).toBe(200);
    expect(list.body.data).toMatchObject([
      { alias: 'champion', train_id: v1, version: 1, ref: `${predictor}@champion`, updated_by: 'admin' },
    ]);
  });

  it('refuses a bad name, a version of another predictor and an unknown version', async () => {
    expect((await call(a, aliasPath('9lives'), { method: 'PUT', json: { train_id: v1 } })).status).toBe(422);
    expect((await call(a, aliasPath('a%40b'), { method: 'PUT', json: { train_id: v1 } })).status).toBe(422);
    expect((await setAlias('champion', 987_654_321)).status).toBe(404);
    expect((await predict(b, `${predictor}x@champion`)).status).toBe(404);
    const other = await call(a, '/api/v1/predictors/nope-nope/aliases/champion', { method: 'PUT', json: { train_id: v1 } });
    expect(other.status).toBe(404);
    // Another tenant holding every permission sees neither the predictor nor its aliases.
    const foreign = (p: string, init: RequestInit & { json?: unknown } = {}) => a.call(p, { ...init, token: suite.other });
    expect((await foreign(aliasPath('champion'), { method: 'PUT', json: { train_id: v1 } })).status).toBe(404);
    expect((await foreign(`/api/v1/predictors/${encodeURIComponent(predictor)}/aliases`)).status).toBe(404);
    expect((await foreign(`/api/v1/predictors/${encodeURIComponent(predictor)}/alias-history`)).status).toBe(404);
    expect((await predictWith(suite.other, `${predictor}@champion`)).status).toBe(404);
    // A string that is neither an id nor an alias reference is a 422, not a lookup.
    expect((await predict(b, `${v1}`)).status).toBe(422);
  });

  it('moves the alias during a stream of 9.1 requests in another process with zero failures', async () => {
    const one = (await predict(b, v1)).body;
    const two = (await predict(b, v2)).body;
    // The two versions answer differently, so the stream shows which one served each request.
    expect(two.probabilities).not.toEqual(one.probabilities);
    const seen: Array<'v1' | 'v2'> = [];
    const failures: unknown[] = [];
    let stop = false;
    let moved = false;
    const worker = async () => {
      while (!stop) {
        const r = await predict(b, `${predictor}@champion`);
        if (r.status !== 200) failures.push(r);
        else if (JSON.stringify(r.body) === JSON.stringify(one)) seen.push('v1');
        else if (JSON.stringify(r.body) === JSON.stringify(two)) seen.push('v2');
        else failures.push({ unexpected: r.body });
        // Once the switch is seen, 200 more requests must all be served by v2.
        if (moved && seen.slice(-200).length === 200 && seen.slice(-200).every((s) => s === 'v2')) stop = true;
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await until('requests before the move', async () => (seen.length >= 200 ? true : undefined));
    const move = await setAlias('champion', v2);
    expect(move.status, JSON.stringify(move.body)).toBe(200);
    expect(move.body.previous_train_id).toBe(v1);
    moved = true;
    const guard = setTimeout(() => (stop = true), 60_000);
    await Promise.all(workers);
    clearTimeout(guard);
    expect(failures).toEqual([]);
    expect(seen.slice(0, 200).every((s) => s === 'v1')).toBe(true);
    expect(seen.slice(-200).every((s) => s === 'v2')).toBe(true);
  });

  it('deletes the alias and keeps who moved it when, from which version to which', async () => {
    const del = await call(a, aliasPath('champion'), { method: 'DELETE' });
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    expect(del.body.previous_train_id).toBe(v2);
    expect((await call(a, aliasPath('champion'), { method: 'DELETE' })).status).toBe(404);
    await until('the deletion in the other process', async () =>
      (await predict(b, `${predictor}@champion`)).status === 404 ? true : undefined,
    );
    const history = await call(a, `/api/v1/predictors/${encodeURIComponent(predictor)}/alias-history`);
    expect(history.status).toBe(200);
    expect(history.body.data.map((e: any) => [e.action, e.from_train_id, e.to_train_id, e.username])).toEqual([
      ['delete', v2, null, 'admin'],
      ['move', v1, v2, 'admin'],
      ['set', null, v1, 'admin'],
    ]);
    expect(Number.isNaN(Date.parse(history.body.data[0].created_at))).toBe(false);
  });

  /** The archive's entries, by path. */
  async function untar(res: Response): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    const extract = tar.extract();
    Readable.fromWeb(res.body as never)
      .pipe(createGunzip())
      .pipe(extract);
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      out.set(entry.header.name, Buffer.concat(chunks));
    }
    return out;
  }

  it('exports a version as a .tar.gz: pipeline, ONNX copy, metadata and a model card', async () => {
    const res = await a.call(`/api/v1/models/${v1}/export`, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    const dir = `${predictor.replace(/[^A-Za-z0-9._-]+/g, '_')}-v1`;
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${dir}.tar.gz"`);
    const files = await untar(res);
    expect([...files.keys()].sort()).toEqual(['metadata.json', 'model-card.json', 'model.joblib', 'model.onnx'].map((f) => `${dir}/${f}`));
    const card = JSON.parse(files.get(`${dir}/model-card.json`)!.toString());
    const row = await a.deps.db.selectFrom('trainings').selectAll().where('id', '=', v1).executeTakeFirstOrThrow();
    expect(card).toMatchObject({
      format: 'dataml-model-card/1',
      train_id: v1,
      predictor_name: predictor,
      version: 1,
      problem_type: 'Classification',
      algorithm: 'lightgbm',
      target: { column_name: 'churn', data_type: 'Boolean' },
      data: { snapshot_id: row.snapshot_id, dataset_id: row.dataset_id },
      workflow_id: row.workflow_id,
      library_versions: row.library_versions,
      onnx: { included: true },
    });
    expect(card.features.map((f: any) => f.column_name).sort()).toEqual(['active', 'age', 'plan', 'tenure']);
    expect(card.metrics).toEqual(row.metrics);
    expect(card.library_versions['scikit-learn']).toBeTruthy();
    // The pipeline is the stored object byte for byte.
    const joblib = files.get(`${dir}/model.joblib`)!;
    expect(createHash('sha256').update(joblib).digest('hex')).toBe((row.artifact as any).sha256);
    expect(JSON.parse(files.get(`${dir}/metadata.json`)!.toString()).dataset_snapshot_id).toBe(row.snapshot_id);

    // By alias; an unknown alias is a 404; another tenant's version is a 404 (the route-table test checks every
    // route with a missing id; this one exists).
    expect((await setAlias('challenger', v2)).status).toBe(200);
    const byAlias = await a.call(`/api/v1/models/${encodeURIComponent(`${predictor}@challenger`)}/export`, { token });
    expect(byAlias.status).toBe(200);
    expect([...(await untar(byAlias)).keys()].some((k) => k.endsWith('-v2/model-card.json'))).toBe(true);
    expect((await a.call(`/api/v1/models/${encodeURIComponent(`${predictor}@nope`)}/export`, { token })).status).toBe(404);
    expect((await a.call(`/api/v1/models/${v1}/export`, { token: suite.other })).status).toBe(404);
  });
});
