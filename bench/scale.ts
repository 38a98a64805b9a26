// `npm run bench -- scale` (issue 18): what a second API process and a second worker buy on this machine.
//  - real-time prediction req/s through the cluster profile's proxy (scripts/stack/api-proxy.ts) with 2 API
//    processes, as a ratio to the same proxy in front of 1 (same run, same model, 32 connections); and the
//    API's CPU per prediction (from /proc), the cost figure docs/scaling.md extrapolates from;
//  - concurrent trainings: wall time of TRAININGS queued at once with 2 workers, as a ratio to 1 worker.
// Targets are not speed-ups: on 2 cores the load generator, the API processes and Ray share the same CPUs,
// and Ray's CPUs bound trainings whatever the number of workers. docs/scaling.md says what that means.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { treeCpuSeconds } from './proc.js';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { createDb } from '../db/connection.js';
import { startApiProxy } from '../scripts/stack/api-proxy.js';
import { load } from './http-load.js';
import type { BenchContext, BenchResult } from './types.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const TRAININGS = Number(process.env.BENCH_SCALE_TRAININGS ?? 4);
const TEMPLATE = [
  { column_name: 'cid', data_type: 'String' },
  { column_name: 'age', data_type: 'Float' },
  { column_name: 'tenure', data_type: 'Integer' },
  { column_name: 'churn', data_type: 'Boolean' },
];

function csv(n: number): string {
  let s = 7;
  const u = () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 4294967296;
  };
  const lines = ['cid,age,tenure,churn'];
  for (let i = 0; i < n; i++) {
    const age = 20 + 50 * u();
    const tenure = Math.floor(48 * u());
    lines.push(`c${i},${age.toFixed(2)},${tenure},${(age - 45) / 12 + (tenure - 24) / 12 + 0.5 * (u() - 0.5) > 0}`);
  }
  return `${lines.join('\n')}\n`;
}

/** CPU time (user + system, ms) a process has used. */
const cpuMs = (pid: number): number => treeCpuSeconds(pid) * 1000;

export async function benchScale(ctx: BenchContext): Promise<BenchResult[]> {
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
  const poll = async <T>(what: string, f: () => Promise<T | undefined>, ms = 1_800_000): Promise<T> => {
    for (const end = Date.now() + ms; ; ) {
      const v = await f();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const { startInProcessWorker, spawnWorkerProcess } = await import('../test/support/worker.js');
  const worker = await startInProcessWorker(config);
  const db = createDb(config.postgres.url, 2);
  const children: ChildProcess[] = [];
  try {
    const tpl = await api('/api/v1/template/', {
      method: 'POST',
      json: { template_name: `bench-scale-${Date.now()}`, template_schema: TEMPLATE },
    });
    const form = new FormData();
    form.append('files', new Blob([csv(1000)], { type: 'text/csv' }), 'rows.csv');
    const up = await api(`/api/v1/dataset/upload?dataset_name=bench-scale-${Date.now()}&usage=t&template_id=${tpl.id}`, {
      method: 'POST',
      body: form,
    });
    await poll('dataset validation', async () => {
      const d = ((await api('/api/v1/dataset/list')).data as any[]).find((x) => x.id === up.dataset_id);
      if (d?.is_valid === false) throw new Error('bench dataset invalid');
      return d?.is_valid === true ? true : undefined;
    });
    const train = async (tag: string) =>
      (await api('/api/v1/train/', {
        method: 'POST',
        json: {
          dataset_id: up.dataset_id,
          predictor_name: `bench_scale_${tag}_${Date.now()}`,
          domain: 'Churn',
          problem_type: 'Classification',
          algorithm: 'xgboost',
          columns: [
            { column_name: 'cid', data_type: 'String', attribute_name: 'Id' },
            { column_name: 'churn', data_type: 'Boolean', attribute_name: 'Target' },
          ],
        },
      })) as { id: number };
    const finished = (ids: number[]) =>
      poll(`${ids.length} trainings`, async () => {
        const rows = ((await api('/api/v1/train/list')).data as any[]).filter((x) => ids.includes(x.id));
        const bad = rows.find((r) => ['Failed', 'Cancelled'].includes(r.training_status));
        if (bad) throw new Error(`bench training ${bad.training_status}: ${bad.error}`);
        return rows.length === ids.length && rows.every((r) => r.training_status === 'Completed') ? rows : undefined;
      });
    /** Seconds for `n` trainings queued at once to all complete. */
    const batch = async (n: number, tag: string) => {
      const started = performance.now();
      const ids = await Promise.all(Array.from({ length: n }, (_, i) => train(`${tag}${i}`).then((t) => t.id)));
      await finished(ids);
      return (performance.now() - started) / 1000;
    };

    // --- concurrent trainings: 1 worker, then 2 (a second worker process on the same task queue) ---
    const [model] = await finished([(await train('model')).id]);
    const oneWorker = await batch(TRAININGS, 'w1-');
    const second = spawnWorkerProcess({});
    children.push(second);
    await new Promise((r) => setTimeout(r, 8000)); // bundles its workflows and starts polling
    const twoWorkers = await batch(TRAININGS, 'w2-');

    // --- real-time prediction: the proxy in front of 1 API process, then 2 ---
    // The ONNX copy follows Completed (workflows/onnx.ts); until it is recorded the Python pipeline serves, which
    // is not the path being measured.
    await poll('the ONNX copy', async () => {
      const rec = await db.selectFrom('trainings').select(['artifact']).where('id', '=', model.id).executeTakeFirstOrThrow();
      return (rec.artifact as { onnx_status?: string } | null)?.onnx_status === 'pending' ? undefined : true;
    });
    const body = JSON.stringify({
      train_id: model.id,
      preprocess_id: model.preprocess_id,
      target: 'churn',
      features: { age: 41.5, tenure: 12 },
    });
    const apiPort = Number(new URL(ctx.baseUrl).port);
    const secondPort = apiPort + 12;
    const secondApi = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, API_PORT: String(secondPort), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(secondApi);
    const secondUrl = `http://127.0.0.1:${secondPort}`;
    await poll(
      'second API',
      async () => ((await fetch(`${secondUrl}/api/v1/utils/health-check/`).catch(() => undefined))?.ok ? true : undefined),
      120_000,
    );
    const post = { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body };
    for (const base of [ctx.baseUrl, secondUrl]) await fetch(`${base}/api/v1/inference/`, post); // loads the ONNX session
    const measure = async (instances: string[], pids: number[]) => {
      const lb = await startApiProxy('127.0.0.1', 0, instances);
      try {
        await load(`${lb.url}/api/v1/inference/`, { seconds: 2, ...post });
        const cpu0 = pids.map(cpuMs);
        const r = await load(`${lb.url}/api/v1/inference/`, { seconds: ctx.seconds, ...post });
        const cpu = pids.map((p, i) => cpuMs(p) - cpu0[i]!).reduce((a, b) => a + b, 0);
        return { ...r, cpuMsPerRequest: cpu / Math.max(1, r.rps * ctx.seconds) };
      } finally {
        await lb.close();
      }
    };
    const one = await measure([ctx.baseUrl], [ctx.apiPid]);
    const two = await measure([ctx.baseUrl, secondUrl], [ctx.apiPid, secondApi.pid!]);
    const oneAgain = await measure([ctx.baseUrl], [ctx.apiPid]);
    const oneRps = (one.rps + oneAgain.rps) / 2;
    const errors = one.errors + one.non2xx + two.errors + two.non2xx + oneAgain.errors + oneAgain.non2xx;
    console.log(
      `[bench] scale: predict 1 API ${Math.round(one.rps)}/${Math.round(oneAgain.rps)} req/s (${one.cpuMsPerRequest.toFixed(2)} CPU ms/req), ` +
        `2 APIs ${Math.round(two.rps)} req/s (${two.cpuMsPerRequest.toFixed(2)} CPU ms/req), errors ${errors}; ` +
        `${TRAININGS} trainings: 1 worker ${oneWorker.toFixed(1)} s, 2 workers ${twoWorkers.toFixed(1)} s`,
    );
    return [
      {
        name: 'scale: predict req/s, 2 API processes vs 1',
        value: Math.round(two.rps),
        unit: 'req/s',
        baseline: Math.round(oneRps),
        ratio: two.rps / oneRps,
        target: '>= 0.9',
        note: `both behind the local proxy; 1 API runs ${Math.round(one.rps)} and ${Math.round(oneAgain.rps)} req/s (before/after); API CPU per prediction ${one.cpuMsPerRequest.toFixed(2)} ms (1) / ${two.cpuMsPerRequest.toFixed(2)} ms (2); p99 ${one.p99}/${two.p99} ms; errors ${errors}`,
      },
      {
        name: `scale: ${TRAININGS} queued trainings, 2 workers vs 1`,
        value: Number(twoWorkers.toFixed(1)),
        unit: 's',
        baseline: Number(oneWorker.toFixed(1)),
        ratio: twoWorkers / oneWorker,
        target: '<= 1.1',
        note: `Ray's CPUs (2 on the test stack, 1 per training) bound concurrent trainings; a worker only submits and watches (${(oneWorker / TRAININGS).toFixed(1)} s per training with 1)`,
      },
    ];
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await db.destroy();
    await worker.stop();
  }
}
