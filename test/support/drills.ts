// What the fault drills (test/drills/) share: the stack's control interface (STACK_CONTROL_URL, served by
// scripts/stack.ts in test mode) and the few API steps they drive. Drills fail, not skip, when run through
// `npm test` without it.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { shiftedProfile, TEST } from '../../scripts/stack/profiles.js';
import { adminSession } from './identity.js';
import { buildTestApp } from './stack.js';
import { customersCsv, TEMPLATE } from './train-data.js';
import { uniq } from './stack.js';

export interface ComponentStatus {
  name: string;
  pid: number | null;
  state: string;
  restarts: number;
}

function controlUrl(): string {
  const url = process.env.STACK_CONTROL_URL;
  if (!url) throw new Error('fault drills need the stack control interface (STACK_CONTROL_URL): run them through `npm test`');
  return url;
}

async function control(path: string, method = 'GET'): Promise<any> {
  const res = await fetch(`${controlUrl()}${path}`, { method });
  const body = await res.json();
  if (!res.ok) throw new Error(`control ${method} ${path}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export const components = (): Promise<ComponentStatus[]> => control('/components');
export async function component(name: string): Promise<ComponentStatus> {
  const c = (await components()).find((x) => x.name === name);
  if (!c) throw new Error(`the stack runs no component ${name}`);
  return c;
}
/** Stops `name`, and resolves once it is down; the stack starts it again after `seconds`. */
export const holdDown = (name: string, seconds: number): Promise<ComponentStatus> =>
  control(`/components/${name}/stop?seconds=${seconds}`, 'POST');
/** SIGKILL to its process group, as a crash; the stack's supervision restarts it. */
export const kill = (name: string): Promise<ComponentStatus & { killed_pid: number }> => control(`/components/${name}/kill`, 'POST');

/** Waits until `name` is no longer held down (its restart begins): until then it is certainly down. */
export async function waitHoldEnds(name: string, timeoutMs = 700_000): Promise<number> {
  for (const until = Date.now() + timeoutMs; ; ) {
    if ((await component(name)).state !== 'held') return Date.now();
    if (Date.now() > until) throw new Error(`${name} still held down after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Waits until `name` runs again after `restartsBefore` restarts. */
export async function waitRunningAgain(name: string, restartsBefore: number, timeoutMs = 180_000): Promise<ComponentStatus> {
  for (const until = Date.now() + timeoutMs; ; ) {
    const c = await component(name);
    if (c.state === 'running' && c.restarts > restartsBefore) return c;
    if (Date.now() > until) throw new Error(`${name} did not come back within ${timeoutMs} ms: ${JSON.stringify(c)}`);
    await sleep(500);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/** Inside a describe: the in-process app and an admin's token, built before its tests and closed after them. */
export function drillApp(): { t: TestApp; token: string } {
  const app = {} as { t: TestApp; token: string };
  beforeAll(async () => {
    app.t = await buildTestApp();
    app.token = (await adminSession(app.t.deps)).token;
  });
  afterAll(async () => {
    await app.t?.close();
  });
  return app;
}

/** Calls the in-process app as `token`, returning status, body, headers and how long the answer took. */
export async function timedCall(t: TestApp, token: string, path: string, init: RequestInit & { json?: unknown } = {}) {
  const started = performance.now();
  const res = await t.call(path, { ...init, token });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers, ms: performance.now() - started };
}

/** A template and a small training dataset, validated (needs a worker running). */
export async function validatedDataset(t: TestApp, token: string, rows = 300): Promise<{ templateId: number; datasetId: number }> {
  const tpl = await timedCall(t, token, '/api/v1/template/', {
    method: 'POST',
    json: { template_name: uniq('drill'), template_schema: TEMPLATE },
  });
  if (tpl.status !== 201) throw new Error(`template: ${tpl.status} ${JSON.stringify(tpl.body)}`);
  const form = new FormData();
  form.append('files', new Blob([customersCsv(rows, 5)], { type: 'text/csv' }), 'c.csv');
  const up = await timedCall(t, token, `/api/v1/dataset/upload?dataset_name=${uniq('drill')}&usage=t&template_id=${tpl.body.id}`, {
    method: 'POST',
    body: form,
  });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  for (const until = Date.now() + 180_000; ; ) {
    const d = ((await timedCall(t, token, '/api/v1/dataset/list')).body.data as any[]).find((x) => x.id === up.body.dataset_id);
    if (d?.is_valid === true) return { templateId: tpl.body.id, datasetId: up.body.dataset_id };
    if (d?.is_valid === false || Date.now() > until) throw new Error(`dataset did not validate: ${JSON.stringify(d)}`);
    await sleep(1000);
  }
}

/** Processes of Ray jobs running `module` (e.g. dataml_jobs.jobs.train) on this stack's Ray (found by its temp folder). */
export function rayJobProcesses(module: string): number[] {
  const tempDir = shiftedProfile(TEST, Number(process.env.STACK_PORT_OFFSET ?? 0)).ray.tempDir;
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!cmd.includes(module)) continue;
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (cwd.startsWith(tempDir) || env.includes(tempDir)) found.push(Number(pid));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return found;
}
