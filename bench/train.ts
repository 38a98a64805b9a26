// `npm run bench -- train`:
//  1. end-to-end training through the API (POST /api/v1/train/ → train workflow → Ray job → Completed) of XGBoost
//     on a generated dataset, against plain `xgboost.train` (read Parquet, one-hot, same 80/20 split, train, predict; same rounds, depth,
//     eta, one thread) on the same data in the same run. The Ray job start cost (a no-op job submitted and
//     awaited through the Jobs API) is measured on its own and reported next to the ratio.
//  2. the headline metric of `auto` against default LightGBM on the benchmark datasets (bench/train_bench.py).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RayJobsClient, TERMINAL_STATES } from '../integrations/ray-jobs-client.js';
import { loadConfig } from '../config/config.js';
import { customersCsv, roles, TEMPLATE } from '../test/support/train-data.js';
import type { BenchContext, BenchResult } from './types.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const PY = path.join(ROOT, 'ml/.venv/bin/python');
// 1M rows: at 100k the fixed costs (Ray start, Python imports) dominate a one-second xgboost.train.
const ROWS = Number(process.env.BENCH_TRAIN_ROWS ?? 1_000_000);

function python(args: string[]) {
  const run = spawnSync(PY, args, { cwd: path.join(ROOT, 'ml'), encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

async function rayStartCost(address: string): Promise<number> {
  const ray = new RayJobsClient(address);
  const id = `bench-noop-${Date.now().toString(36)}`;
  const t0 = performance.now();
  await ray.submitOnce({ submissionId: id, entrypoint: `${PY} -c pass`, envVars: {}, metadata: { job: 'bench_noop' } });
  for (;;) {
    const info = await ray.get(id);
    if (info && TERMINAL_STATES.has(info.status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return (performance.now() - t0) / 1000;
}

export async function benchTrain(ctx: BenchContext): Promise<BenchResult[]> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const { startInProcessWorker } = await import('../test/support/worker.js');
  const worker = await startInProcessWorker(config);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-train-'));
  try {
    const token = await ctx.adminToken();
    const api = async (p: string, init: RequestInit & { json?: unknown } = {}) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (init.json !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${ctx.baseUrl}${p}`, {
        ...init,
        headers,
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      });
      return (await res.json()) as any;
    };
    const csv = customersCsv(ROWS, 21);
    const file = path.join(dir, 'customers.csv');
    writeFileSync(file, csv);
    const suffix = Date.now().toString(36);
    const tpl = await api('/api/v1/template/', {
      method: 'POST',
      json: { template_name: `bench_train_${suffix}`, template_schema: TEMPLATE },
    });
    const form = new FormData();
    form.append('files', new Blob([csv], { type: 'text/csv' }), 'customers.csv');
    const up = await api(`/api/v1/dataset/upload?dataset_name=bench_train_${suffix}&usage=t&template_id=${tpl.id}`, {
      method: 'POST',
      body: form,
    });
    for (;;) {
      const d = ((await api('/api/v1/dataset/list')).data as any[]).find((x) => x.id === up.dataset_id);
      if (d?.is_valid === true) break;
      if (d?.is_valid === false) throw new Error('bench dataset did not validate');
      await new Promise((r) => setTimeout(r, 500));
    }

    const rayCost = await rayStartCost(config.ray.address);
    const t0 = performance.now();
    const tr = await api('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: up.dataset_id,
        predictor_name: `bench_${suffix}`,
        domain: 'Churn',
        problem_type: 'Classification',
        algorithm: 'xgboost',
        columns: roles('churn', ['segment', 'spend', 'const_flag']),
      },
    });
    let row: any;
    for (;;) {
      row = ((await api('/api/v1/train/list')).data as any[]).find((x) => x.id === tr.id);
      if (['Completed', 'Failed', 'Cancelled'].includes(row?.training_status)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const e2e = (performance.now() - t0) / 1000;
    if (row.training_status !== 'Completed') throw new Error(`bench training ${row.training_status}: ${row.error}`);
    const summary = await api(`/api/v1/train/model-summary?train_id=${tr.id}`);
    const plain = python([path.join(ROOT, 'bench/train_bench.py'), 'xgb', file, 'churn', '200']).seconds as number;

    const auto = python([path.join(ROOT, 'bench/train_bench.py'), 'auto']) as Array<Record<string, any>>;
    const ratios = auto.map((r) => r.auto / r.lightgbm);
    return [
      {
        name: `training through the API (XGBoost, ${ROWS} rows) vs plain xgboost.train`,
        value: Number(e2e.toFixed(2)),
        unit: 's',
        baseline: Number(plain.toFixed(2)),
        ratio: e2e / plain,
        // Issue #19's target (the seed issue's was 1.3).
        target: '<= 1.2',
        note:
          `Ray job start cost on its own ${rayCost.toFixed(2)} s; without it ${((e2e - rayCost) / plain).toFixed(2)}x. ` +
          `End to end includes the workflow, reading Iceberg, the pipeline, the hold-out fit and evaluation, the refit on all rows and the S3 upload (both arms fit twice); the ONNX copy runs after Completed. accuracy ${summary.model_summary.accuracy?.toFixed(3)}`,
      },
      {
        name: 'auto vs default LightGBM: headline metric on the benchmark datasets (worst ratio)',
        value: Number(Math.min(...auto.map((r) => r.auto)).toFixed(4)),
        unit: 'metric',
        baseline: Number(Math.min(...auto.map((r) => r.lightgbm)).toFixed(4)),
        ratio: Math.min(...ratios),
        target: '>= 1.0',
        note: auto.map((r) => `${r.dataset} ${r.metric} ${r.auto.toFixed(3)} (${r.auto_algorithm}) vs ${r.lightgbm.toFixed(3)}`).join('; '),
      },
    ];
  } finally {
    await worker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
