// Several API processes on one port (api/cluster.ts), run as in production (`api/server.ts` with
// API_PROCESSES=2) against the test stack: requests are spread over both, /metrics counts every process's
// requests, a process that dies is replaced while the other keeps serving, and SIGTERM stops them all.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, freePort, until } from '../support/processes.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HEALTH = '/api/v1/utils/health-check/';

/** One GET on a connection of its own (no keep-alive), so that the primary hands each to the next process. */
function get(port: number, p: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: p, agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The API processes the primary has forked (its children, from /proc). */
function children(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text ? text.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

describe('API processes sharing a port', () => {
  let port: number;
  let primary: ReturnType<typeof spawn>;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    port = await freePort();
    primary = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, API_PROCESSES: '2', API_PORT: String(port), METRICS_ENABLED: 'true', METRICS_PORT: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    exited = new Promise((r) => primary.once('exit', (code) => r(code)));
    // A scrape asks every process: it answers once both have started (until then it times out after 5 s).
    await until('two API processes listening', async () => {
      if (children(primary.pid!).length !== 2) return undefined;
      const ok = await get(port, '/metrics').then(
        (r) => r.status === 200,
        () => false,
      );
      return ok ? true : undefined;
    });
  }, 180_000);

  afterAll(async () => {
    if (primary.exitCode === null) primary.kill('SIGKILL');
  });

  it('counts the requests of every process in /metrics', async () => {
    const count = async () => {
      const { status, body } = await get(port, '/metrics');
      expect(status).toBe(200);
      const line = body
        .split('\n')
        .filter((l) => l.startsWith('dataml_http_request_duration_seconds_count{') && l.includes(`route="${HEALTH}"`))
        .map((l) => Number(l.split(' ').pop()));
      return line.reduce((a, b) => a + b, 0);
    };
    const before = await count();
    for (let i = 0; i < 20; i++) expect((await get(port, HEALTH)).status).toBe(200);
    // One process alone saw about half of them: only the sum over both can be 20 more.
    expect((await count()) - before).toBe(20);
  });

  it('replaces a process that dies, serving meanwhile', async () => {
    const [victim, other] = children(primary.pid!);
    process.kill(victim!, 'SIGKILL');
    await until('the victim gone', () => (alive(victim!) ? undefined : true));
    expect((await get(port, HEALTH)).status).toBe(200); // the other one answers
    const replaced = await until('a replacement process', () => {
      const now = children(primary.pid!);
      return now.length === 2 && !now.includes(victim!) ? now : undefined;
    });
    expect(replaced).toContain(other);
    for (let i = 0; i < 4; i++) expect((await get(port, HEALTH)).status).toBe(200);
  });

  it('stops every process on SIGTERM', async () => {
    const pids = children(primary.pid!);
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until('the API processes gone', () => (pids.some(alive) ? undefined : true), 10_000);
  });
});
