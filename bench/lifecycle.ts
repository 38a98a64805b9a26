// Model lifecycle benchmark (issue 15): what serving by alias costs. A small model is trained through the API
// (a worker runs in this process), given an alias, and 9.1 is loaded over HTTP (32 connections) by train_id and
// by `<predictor>@<alias>` in the order id, alias, alias, id, so drift over the run cancels out. The figure is
// alias req/s as a ratio to id req/s (target >= 0.9: resolution is an in-memory lookup kept current by the
// change feed).
import { loadConfig } from '../config/config.js';
import { load } from './http-load.js';
import type { BenchContext, BenchResult } from './types.js';

const TEMPLATE = [
  { column_name: 'cid', data_type: 'String' },
  { column_name: 'age', data_type: 'Float' },
  { column_name: 'tenure', data_type: 'Integer' },
  { column_name: 'plan', data_type: 'String' },
  { column_name: 'churn', data_type: 'Boolean' },
];

function csv(n: number): string {
  let s = 777;
  const u = () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 4294967296;
  };
  const lines = ['cid,age,tenure,plan,churn'];
  for (let i = 0; i < n; i++) {
    const age = 20 + 50 * u();
    const tenure = Math.floor(48 * u());
    const plan = ['basic', 'plus', 'pro'][Math.floor(3 * u())]!;
    const z = (age - 45) / 12 + (tenure - 24) / 12 + (plan === 'pro' ? 1 : -0.5) + 0.5 * (u() - 0.5);
    lines.push(`c${i},${age.toFixed(2)},${tenure},${plan},${z > 0}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function benchLifecycle(ctx: BenchContext): Promise<BenchResult[]> {
  const token = await ctx.adminToken();
  const auth = { authorization: `Bearer ${token}` };
  const api = async (p: string, init: RequestInit & { json?: unknown } = {}) => {
    const res = await fetch(`${ctx.baseUrl}${p}`, {
      ...init,
      headers: { ...auth, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
  const poll = async <T>(what: string, f: () => Promise<T | undefined>, ms = 600_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await f();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const { startInProcessWorker } = await import('../test/support/worker.js');
  const worker = await startInProcessWorker(loadConfig({ ...process.env, LOG_LEVEL: 'warn' }));
  try {
    const tpl = await api('/api/v1/template/', {
      method: 'POST',
      json: { template_name: `bench-life-${Date.now()}`, template_schema: TEMPLATE },
    });
    const form = new FormData();
    form.append('files', new Blob([csv(2000)], { type: 'text/csv' }), 'rows.csv');
    const up = await api(`/api/v1/dataset/upload?dataset_name=bench-life-${Date.now()}&usage=t&template_id=${tpl.id}`, {
      method: 'POST',
      body: form,
    });
    await poll('dataset', async () => {
      const d = ((await api('/api/v1/dataset/list')).data as any[]).find((x) => x.id === up.dataset_id);
      if (d?.is_valid === false) throw new Error('bench dataset invalid');
      return d?.is_valid === true ? true : undefined;
    });
    const predictor = `bench_life_${Date.now()}`;
    const training = await api('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: up.dataset_id,
        predictor_name: predictor,
        domain: 'Churn',
        problem_type: 'Classification',
        algorithm: 'xgboost',
        columns: [
          { column_name: 'cid', data_type: 'String', attribute_name: 'Id' },
          { column_name: 'churn', data_type: 'Boolean', attribute_name: 'Target' },
        ],
      },
    });
    const model = await poll('training', async () => {
      const row = ((await api('/api/v1/train/list')).data as any[]).find((x) => x.id === training.id);
      if (row?.training_status === 'Failed' || row?.training_status === 'Cancelled')
        throw new Error(`bench training ${row.training_status}`);
      return row?.training_status === 'Completed' ? row : undefined;
    });
    await api(`/api/v1/predictors/${predictor}/aliases/champion`, { method: 'PUT', json: { train_id: model.id } });

    const url = `${ctx.baseUrl}/api/v1/inference/`;
    const request = (trainId: number | string) => ({
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        train_id: trainId,
        preprocess_id: model.preprocess_id,
        target: 'churn',
        features: { age: 41.5, tenure: 12, plan: 'pro' },
      }),
    });
    const byId = request(model.id);
    const byAlias = request(`${predictor}@champion`);
    await load(url, { seconds: 2, ...byId }); // warm-up: the ONNX session, the alias table
    await load(url, { seconds: 2, ...byAlias });
    const half = Math.max(1, Math.round(ctx.seconds / 2));
    const i1 = await load(url, { seconds: half, ...byId });
    const a1 = await load(url, { seconds: half, ...byAlias });
    const a2 = await load(url, { seconds: half, ...byAlias });
    const i2 = await load(url, { seconds: half, ...byId });
    const idRps = (i1.rps + i2.rps) / 2;
    const aliasRps = (a1.rps + a2.rps) / 2;
    const errors = [i1, a1, a2, i2].reduce((n, r) => n + r.errors + r.non2xx, 0);
    console.log(
      `[bench] lifecycle: 9.1 by id ${Math.round(i1.rps)}/${Math.round(i2.rps)} req/s, by alias ${Math.round(a1.rps)}/${Math.round(a2.rps)} req/s, ` +
        `p50 id ${i1.p50}/${i2.p50} ms alias ${a1.p50}/${a2.p50} ms, errors ${errors}`,
    );
    return [
      {
        name: '9.1 by alias req/s vs by train_id',
        value: Math.round(aliasRps),
        unit: 'req/s',
        baseline: Math.round(idRps),
        ratio: aliasRps / idRps,
        target: '>= 0.9',
        note: `by id ${Math.round(i1.rps)}/${Math.round(i2.rps)}, by alias ${Math.round(a1.rps)}/${Math.round(a2.rps)} req/s; ${errors} errors`,
      },
    ];
  } finally {
    await worker.stop();
  }
}
