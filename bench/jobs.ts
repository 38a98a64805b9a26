// `npm run bench -- jobs`: what a job step costs, with warm runners (docs/jobs.md) and without, against the round
// trip of a no-op Ray task on the same cluster in the same run (bench/ray_noop.py).
//  - per-step fixed overhead: a no-op step (workflows/noop-step.ts), workflow start → Completed;
//  - a 10,000-row LightGBM training through the API, POST /train → Completed, p50 over 10 runs;
//    with where its time goes (read from each run's Temporal history and the steps' own `timings`: bench/workflow-phases.ts);
//  - validation of a 10 MB upload: the upload's answer → the dataset valid.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config/config.js';
import { customersCsv, roles, TEMPLATE } from '../test/support/train-data.js';
import type { BenchContext, BenchResult } from './types.js';
import { activityEnd, workflowPhases } from '../test/support/workflow-phases.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const PY = path.join(ROOT, 'ml/.venv/bin/python');
const RUNS = Number(process.env.BENCH_JOB_RUNS ?? 10);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const spread = (xs: number[]) =>
  `p50 ${median(xs).toFixed(2)} s, min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)} (n=${xs.length})`;

export async function benchJobs(ctx: BenchContext): Promise<BenchResult[]> {
  const base = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const run = spawnSync(PY, [path.join(ROOT, 'bench/ray_noop.py'), base.ray.gcsAddress ?? '', '20'], {
    cwd: path.join(ROOT, 'ml'),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ray_noop.py: ${run.stderr.slice(-2000)}`);
  const rayTask = JSON.parse(run.stdout.trim().split('\n').pop()!) as { p50: number; min: number; max: number; n: number };

  const { startInProcessWorker } = await import('../test/support/worker.js');
  const connection = await Connection.connect({ address: base.temporal.address });
  const client = new Client({ connection, namespace: base.temporal.namespace });
  const noopSteps = async (warm: 'on' | 'off', n: number) => {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', RAY_WARM_RUNNERS: warm });
    const worker = await startInProcessWorker(config);
    try {
      const times: number[] = [];
      for (let i = 0; i <= n; i++) {
        const t0 = performance.now();
        await client.workflow.execute('noopStepWorkflow', {
          taskQueue: config.temporal.taskQueue,
          workflowId: `bench-noop-${warm}-${Date.now().toString(36)}-${i}`,
          args: [{ id: String(i) }],
        });
        // The first step of a fresh worker also starts the driver (and, once per cluster, the runner).
        if (i > 0) times.push((performance.now() - t0) / 1000);
      }
      return times;
    } finally {
      await worker.stop();
    }
  };
  const viaJob = await noopSteps('off', Math.max(3, Math.floor(RUNS / 2)));
  const viaWarm = await noopSteps('on', RUNS);

  // Trainings and validation through the API, with the warm runners on.
  const worker = await startInProcessWorker(loadConfig({ ...process.env, LOG_LEVEL: 'warn', RAY_WARM_RUNNERS: 'on' }));
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
    const suffix = Date.now().toString(36);
    const tpl = await api('/api/v1/template/', {
      method: 'POST',
      json: { template_name: `bench_jobs_${suffix}`, template_schema: TEMPLATE },
    });
    const upload = async (name: string, csv: string) => {
      const form = new FormData();
      form.append('files', new Blob([csv], { type: 'text/csv' }), `${name}.csv`);
      const up = await api(`/api/v1/dataset/upload?dataset_name=${name}&usage=t&template_id=${tpl.id}`, { method: 'POST', body: form });
      const t0 = performance.now();
      for (;;) {
        const d = ((await api('/api/v1/dataset/list')).data as any[]).find((x) => x.id === up.dataset_id);
        if (d?.is_valid === true) return { datasetId: up.dataset_id as number, seconds: (performance.now() - t0) / 1000 };
        if (d?.is_valid === false) throw new Error(`bench dataset ${name} did not validate`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const small = await upload(`bench_jobs_10k_${suffix}`, customersCsv(10_000, 5));
    const trainings: number[] = [];
    const phases = new Map<string, number[]>();
    const addPhase = (name: string, seconds: number | null | undefined) => {
      if (seconds == null || !Number.isFinite(seconds)) return;
      phases.set(name, [...(phases.get(name) ?? []), seconds]);
    };
    for (let i = 0; i <= RUNS; i++) {
      const wall0 = Date.now();
      const t0 = performance.now();
      const tr = await api('/api/v1/train/', {
        method: 'POST',
        json: {
          dataset_id: small.datasetId,
          predictor_name: `bench_jobs_${suffix}_${i}`,
          domain: 'Churn',
          problem_type: 'Classification',
          algorithm: 'lightgbm',
          columns: roles('churn', ['segment', 'spend', 'const_flag']),
        },
      });
      let row: any;
      for (;;) {
        row = ((await api('/api/v1/train/list')).data as any[]).find((x) => x.id === tr.id);
        if (['Completed', 'Failed', 'Cancelled'].includes(row?.training_status)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const seen = Date.now();
      if (row.training_status !== 'Completed') throw new Error(`bench training ${row.training_status}: ${row.error}`);
      // The first warms the train runner (its fork server imports the training libraries once per cluster).
      if (i === 0) continue;
      trainings.push((performance.now() - t0) / 1000);
      // The workflow goes on after Completed (the ONNX copy): its history is read once it closed.
      const handle = client.workflow.getHandle(row.workflow_id ?? `train-${tr.id}`);
      await handle.result();
      const p = await workflowPhases(handle);
      const [train, onnx] = p.steps;
      const recorded = activityEnd(p, 'recordTrainingResult');
      if (!train || recorded == null) throw new Error(`bench training ${tr.id}: no train step in its history`);
      const s = (a: number, b: number) => (b - a) / 1000;
      addPhase('1 POST → workflow started (API: checks, rows, start)', s(wall0, p.started));
      addPhase('2 workflow started → step submitted (registerJob, submitRayJob)', s(p.started, train.submit[1]));
      addPhase('2a   of which submitRayJob (scheduled → completed)', s(train.submit[0], train.submit[1]));
      addPhase('3 step submitted → its signal arrived (the step)', s(train.submit[1], train.signalled));
      for (const [k, v] of Object.entries(train.timings)) addPhase(`3·  step ${k}`, v);
      if (train.duration != null)
        addPhase('3b   step outside main() (fork, guard, signal connect+send)', s(train.submit[1], train.signalled) - train.duration);
      addPhase('4 signal → Completed written (recordTrainingResult)', s(train.signalled, recorded));
      addPhase('5 Completed written → seen by the client (50 ms poll)', s(recorded, seen));
      if (onnx) {
        addPhase('6 after Completed: ONNX step, submit → recorded', s(onnx.submit[0], activityEnd(p, 'recordOnnx', onnx.signalled) ?? NaN));
        for (const [k, v] of Object.entries(onnx.timings)) addPhase(`6·  onnx step ${k}`, v);
      }
      addPhase('7 workflow started → closed', s(p.started, p.closed));
    }
    console.log('\n10,000-row training, where the time goes (p50 over runs, seconds; min–max):');
    for (const [name, xs] of [...phases].sort(([a], [b]) => a.localeCompare(b)))
      console.log(
        `  ${name.padEnd(64)} ${median(xs).toFixed(3).padStart(7)}  (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)})`,
      );
    // ~10 MB: the generated rows are ~55 bytes each.
    let rows = 180_000;
    let big = customersCsv(rows, 9);
    rows = Math.round((rows * 10 * 2 ** 20) / big.length);
    big = customersCsv(rows, 9);
    const validations: number[] = [];
    for (let i = 0; i < 3; i++) validations.push((await upload(`bench_jobs_10mb_${suffix}_${i}`, big)).seconds);

    const baseline = Number(rayTask.p50.toFixed(4));
    const rayNote = `baseline: a no-op Ray task's round trip, p50 ${(rayTask.p50 * 1000).toFixed(1)} ms (min ${(rayTask.min * 1000).toFixed(1)}, max ${(rayTask.max * 1000).toFixed(1)}, n=${rayTask.n})`;
    return [
      {
        name: 'no-op step, workflow start → Completed (warm runner)',
        value: Number(median(viaWarm).toFixed(3)),
        unit: 's',
        baseline,
        ratio: median(viaWarm),
        target: '<= 1',
        note: `${spread(viaWarm)}; as a Ray job: ${spread(viaJob)}; ${rayNote}`,
      },
      {
        name: '10,000-row LightGBM training, POST → Completed (p50)',
        value: Number(median(trainings).toFixed(3)),
        unit: 's',
        baseline,
        ratio: median(trainings),
        target: '<= 3',
        note: spread(trainings),
      },
      {
        name: `validation of a ${(big.length / 2 ** 20).toFixed(1)} MB upload, upload answered → valid`,
        value: Number(median(validations).toFixed(3)),
        unit: 's',
        baseline,
        ratio: median(validations),
        target: '<= 3',
        note: spread(validations),
      },
    ];
  } finally {
    await worker.stop();
    await connection.close();
  }
}
