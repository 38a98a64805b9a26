// A bounded schema fuzz of the whole OpenAPI document (issue 10): schemathesis (ml dev group) against a real API
// process on the test stack, authenticated as the administrator of a tenant of its own (all permissions, no
// data, so that almost nothing it sends can start compute). Checks: no response >= 500, and every status is
// one the operation documents. A few examples per operation, fixed seed, no shrinking.
// No worker runs during the fuzz; the workflows it could start (an upload's validation, a delete's clean-up) are
// terminated afterwards, so that no later suite's worker runs them.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTenant, userWith } from '../support/identity.js';
import { buildTestApp, hasStack } from '../support/stack.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCHEMATHESIS = path.join(ROOT, 'ml/.venv/bin/schemathesis');

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

function run(cmd: string, args: string[], opts: { cwd: string; timeoutMs: number }) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe.skipIf(!hasStack)('schema fuzz: every operation of /openapi.json', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let api: ChildProcess | undefined;
  let apiLog = '';
  let base: string;
  let token: string;
  let tenantId: string;
  let workDir: string;

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await newTenant(t.deps);
    token = (await userWith(t.deps, tenantId, 'all')).token;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // A real API process (its own HTTP server, body parsing, error handling), on the stack `npm test` started.
    api = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, API_HOST: '127.0.0.1', API_PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (d) => (apiLog += d));
    api.stderr!.on('data', (d) => (apiLog += d));
    const until = Date.now() + 60_000;
    for (;;) {
      if (api.exitCode !== null) throw new Error(`the API exited during start-up:\n${apiLog}`);
      const ok = await fetch(`${base}/api/v1/utils/health-check/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > until) throw new Error(`the API did not start within 60 s:\n${apiLog}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    workDir = mkdtempSync(path.join(os.tmpdir(), 'dataml-fuzz-'));
  });

  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api!.once('exit', r));
      api.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (api.exitCode === null) api.kill('SIGKILL');
    }
    if (t) {
      // Workflows the fuzz started (uploads of its own tenant) must not run later under another suite's worker.
      for await (const wf of t.deps.temporal.workflow.list({ query: `DatamlTenantId = "${tenantId}" AND ExecutionStatus = "Running"` })) {
        await t.deps.temporal.workflow
          .getHandle(wf.workflowId)
          .terminate('schema fuzz over')
          .catch(() => undefined);
      }
      await t.close();
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('no response >= 500 and no undocumented status', { timeout: 300_000 }, async () => {
    expect(existsSync(SCHEMATHESIS), `${SCHEMATHESIS} (ml dev group) is missing: run scripts/setup.sh`).toBe(true);
    const junit = path.join(workDir, 'junit.xml');
    const { code, output } = await run(
      SCHEMATHESIS,
      [
        'run',
        `${base}/openapi.json`,
        '--header',
        `Authorization: Bearer ${token}`,
        '--checks',
        'not_a_server_error,status_code_conformance',
        '--phases',
        'examples,coverage,fuzzing',
        '--max-examples',
        '3',
        '--seed',
        '20261210',
        '--no-shrink',
        '--workers',
        '1',
        // Deleting a dataset whose validation it cannot cancel (no worker runs) waits up to 30 s by design.
        '--request-timeout',
        '60',
        '--report',
        'junit',
        '--report-junit-path',
        junit,
        '--generation-database',
        'none',
      ],
      { cwd: workDir, timeoutMs: 280_000 },
    );
    const failed = existsSync(junit)
      ? [...readFileSync(junit, 'utf8').matchAll(/<testcase[^>]*name="([^"]+)"[^>]*>\s*<(failure|error)/g)].map((m) => m[1])
      : [];
    const tail = output.split('\n').slice(-150).join('\n');
    expect(api?.exitCode, `the API process died during the fuzz:\n${apiLog.slice(-4000)}`).toBeNull();
    expect({ code, failed }, `schemathesis output (tail):\n${tail}`).toEqual({ code: 0, failed: [] });
  });
});
