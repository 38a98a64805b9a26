// OpenTelemetry tracing end to end on the real stack (docs/operations.md#tracing): the API (api/server.ts) and the
// worker (worker/main.ts) run as the processes they are in production, with OTEL_EXPORTER_OTLP_ENDPOINT pointing at
// a real OTLP/HTTP receiver started here, on a task queue of their own. One training then yields one trace: the
// request's server span → the workflow start → the workflow and its activities in the worker → the Python job on
// Ray (its phases) → its result signal, handled by the workflow. The trace id is in the API's log line of the
// request and in the job's output.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession } from '../support/identity.js';
import { startOtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { buildTestApp, uniq } from '../support/stack.js';
import { customersCsv, roles, TEMPLATE } from '../support/train-data.js';
import { freePort, until } from '../support/processes.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A platform process (`api/server.ts`, `worker/main.ts`) with its stdout kept (pino's JSON lines). */
function spawnProcess(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

describe('tracing: one training, one trace across the API, the worker and the Python job', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let api: ReturnType<typeof spawnProcess> | undefined;
  let worker: ReturnType<typeof spawnProcess> | undefined;
  let base: string;
  let token: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    t = await buildTestApp(); // for the administrator's session, the dataset's state and Ray's job logs only
    token = (await adminSession(t.deps)).token;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '200', // export within a fraction of a second of a span's end
      TEMPORAL_TASK_QUEUE: uniq('traced'), // only this test's worker runs these workflows
      API_PORT: String(port),
      LOG_LEVEL: 'info',
      METRICS_PORT: '',
      WORKER_METRICS_PORT: '',
      WORKER_HEALTH_PORT: '',
    };
    api = spawnProcess('api/server.ts', env);
    worker = spawnProcess('worker/main.ts', env);
    await until(
      'the API listening',
      async () => {
        const res = await fetch(`${base}/api/v1/utils/health-check/`).catch(() => undefined);
        return res?.ok ? true : undefined;
      },
      120_000,
    );
  }, 180_000);

  afterAll(async () => {
    await Promise.all([stop(api?.child), stop(worker?.child)]);
    await t?.close();
    await receiver?.close();
  });

  const call = async (p: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    const res = await fetch(`${base}${p}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
  };

  it('links the request, the workflow, its activities, the Ray job and its result signal under one trace id', async () => {
    const tpl = await call('/api/v1/template/', { method: 'POST', json: { template_name: uniq('traced'), template_schema: TEMPLATE } });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(201);
    const form = new FormData();
    form.append('files', new Blob([customersCsv(200)], { type: 'text/csv' }), 'customers.csv');
    const up = await call(`/api/v1/dataset/upload?dataset_name=${uniq('traced')}&usage=t&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    await until('the dataset validated', async () => {
      const d = await t.deps.db.selectFrom('datasets').select(['is_valid']).where('id', '=', up.body.dataset_id).executeTakeFirstOrThrow();
      if (d.is_valid === false) throw new Error('the dataset did not validate');
      return d.is_valid === true ? true : undefined;
    });
    const tr = await call('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: up.body.dataset_id,
        predictor_name: uniq('traced'),
        domain: 'Churn',
        problem_type: 'Classification',
        algorithm: 'lightgbm',
        columns: roles('churn', ['segment', 'spend', 'const_flag']),
      },
    });
    expect(tr.status, JSON.stringify(tr.body)).toBe(201);
    const row = await until('the training ended', async () => {
      const r = ((await call('/api/v1/train/list')).body.data as any[]).find((x) => x.id === tr.body.id);
      return ['Completed', 'Failed', 'Cancelled'].includes(r?.training_status) ? r : undefined;
    });
    expect(row.training_status, JSON.stringify(row)).toBe('Completed');

    // The request's server span, named by its route template, is the trace's root.
    const root = await until(
      'the train request span',
      () => receiver.spans.find((s) => s.service === 'dataml-api' && s.kind === 2 && s.name === 'POST /api/v1/train/'),
      60_000,
    );
    expect(root.parentSpanId).toBe('');
    expect(root.attributes['http.route']).toBe('/api/v1/train/');
    const inTrace = () => receiver.spans.filter((s) => s.traceId === root.traceId);
    const named = (service: string, name: string | RegExp) => (s: ReceivedSpan) =>
      s.service === service && (typeof name === 'string' ? s.name === name : name.test(s.name));
    // The workflow's own span is exported when the run ends: after Completed (its ONNX copy is a later step).
    await until('the workflow run ended in the trace', () =>
      inTrace().find(named('dataml-worker', 'RunWorkflow:trainWorkflow')) ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 1000)); // what the batch processors still hold
    const spans = inTrace();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const one = (service: string, name: string | RegExp) => {
      const found = spans.filter(named(service, name));
      expect(found.length, `${service} ${name} in ${spans.map((s) => `${s.service}:${s.name}`).join(', ')}`).toBeGreaterThan(0);
      return found[0]!;
    };
    const ancestors = (s: ReceivedSpan) => {
      const chain: ReceivedSpan[] = [];
      for (let p = byId.get(s.parentSpanId); p; p = byId.get(p.parentSpanId)) chain.push(p);
      return chain;
    };

    // One tree: every span but the root has its parent in the trace.
    const tree = spans.map((s) => `${s.service}:${s.name} ${s.spanId} <- ${s.parentSpanId}`).join('\n');
    for (const s of spans) if (s !== root) expect(byId.has(s.parentSpanId), `parent of ${s.service}:${s.name} in\n${tree}`).toBe(true);
    // API: the workflow start under the request.
    const start = one('dataml-api', /^StartWorkflow:trainWorkflow$/);
    expect(ancestors(start)).toContain(root);
    // Worker: the workflow run under the start; the Ray job's submission under the workflow. A run replayed on a
    // worker whose cache evicted it (a busy machine) opens another RunWorkflow span: each is under the start, and
    // each submission is under one of them.
    one('dataml-worker', 'RunWorkflow:trainWorkflow');
    const runs = spans.filter(named('dataml-worker', 'RunWorkflow:trainWorkflow'));
    for (const r of runs) expect(ancestors(r)).toContain(start);
    const submits = spans.filter(named('dataml-worker', 'RunActivity:submitRayJob'));
    expect(submits.length).toBeGreaterThan(0);
    const underARun = (s: ReceivedSpan) => ancestors(s).some((a) => runs.includes(a));
    for (const s of submits) expect(underARun(s), tree).toBe(true);
    // Python job: a child of the activity that submitted it, with its phases under it.
    const job = one('dataml-job', 'job train');
    expect(submits.map((s) => s.spanId)).toContain(job.parentSpanId);
    for (const phase of ['read', 'fit', 'evaluate']) expect(ancestors(one('dataml-job', phase))).toContain(job);
    // The result signal: sent by the job, handled by the workflow as the signal's child.
    const signal = one('dataml-job', 'SignalWorkflow:rayJobResult');
    expect(ancestors(signal)).toContain(job);
    const handled = spans.filter(named('dataml-worker', 'HandleSignal:rayJobResult'));
    expect(handled.map((s) => s.parentSpanId)).toContain(signal.spanId);

    // The trace id in the API's log line of the request...
    const apiLines = api!
      .output()
      .split('\n')
      .filter((l) => l.includes(root.traceId));
    expect(apiLines.some((l) => JSON.parse(l).msg === 'request' && JSON.parse(l).path === '/api/v1/train/')).toBe(true);
    // ...and in every line the job printed (the submission id is on the job's span).
    const logs = await t.deps.ray.logs(String(job.attributes.submission_id));
    // Ray's own two lines before the entrypoint runs ("Runtime env is setting up.", "Running entrypoint for job …")
    // are not the job's.
    const lines = logs
      .split('\n')
      .filter((l) => l.trim() && !/^\S+ \S+\s+INFO job_manager\.py:\d+ -- /.test(l) && !l.startsWith('Running entrypoint for job '));
    expect(lines.some((l) => l.includes('spans: '))).toBe(true);
    expect(
      lines.filter((l) => !l.startsWith(`trace_id=${root.traceId} `)),
      logs.slice(-2000),
    ).toEqual([]);
  }, 600_000);
});
