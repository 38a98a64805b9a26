// The Python SDK (clients/python, package dataml_client) on the real stack: its pytest suite runs with the
// project's Python (ml/.venv, where `uv sync` installs the SDK) against a listening API built like api/server.ts
// and an in-process worker: upload, validate, train, predict (real-time and batch), forecast, cancel, a wrong
// password. Then the drift check: the generated low-level client must match the running app's /openapi.json, and
// the check must notice a changed route.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../api/http-server.js';
import { startJobSuite, type JobSuite } from '../support/job-suite.js';
import { hasStack } from '../support/stack.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PYTHON = path.join(ROOT, 'ml/.venv/bin/python');
const SDK = path.join(ROOT, 'clients/python');

function run(args: string[], env: Record<string, string>, timeoutMs: number) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(PYTHON, args, { cwd: SDK, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe.skipIf(!hasStack)('Python SDK on the real stack', () => {
  let suite: JobSuite;
  let server: Server;
  let base: string;
  let workDir: string;

  beforeAll(async () => {
    suite = await startJobSuite();
    server = await listen(suite.t.app, '127.0.0.1', 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    workDir = mkdtempSync(path.join(os.tmpdir(), 'dataml-sdkpy-'));
  });

  afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
    if (suite) await suite.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('pytest clients/python/tests: every test runs and passes (none skipped)', { timeout: 900_000 }, async () => {
    expect(existsSync(PYTHON), `${PYTHON} is missing: run scripts/setup.sh`).toBe(true);
    const junit = path.join(workDir, 'pytest.xml');
    const { code, output } = await run(
      ['-m', 'pytest', 'tests', '-p', 'no:cacheprovider', '-q', '-rA', `--junitxml=${junit}`],
      {
        DATAML_URL: base,
        DATAML_USERNAME: suite.t.config.auth.adminUsername,
        DATAML_PASSWORD: suite.t.config.auth.adminPassword,
      },
      880_000,
    );
    const tail = output.split('\n').slice(-120).join('\n');
    expect(code, `pytest output (tail):\n${tail}`).toBe(0);
    const report = readFileSync(junit, 'utf8');
    const counts = /<testsuite[^>]*errors="(\d+)"[^>]*failures="(\d+)"[^>]*skipped="(\d+)"[^>]*tests="(\d+)"/.exec(report);
    expect(counts, report.slice(0, 500)).not.toBeNull();
    const [, errors, failures, skipped, tests] = counts!.map(Number);
    expect({ errors, failures, skipped }, tail).toEqual({ errors: 0, failures: 0, skipped: 0 });
    expect(tests).toBeGreaterThanOrEqual(8);
  });

  it('the committed generated client matches the running API /openapi.json', { timeout: 300_000 }, async () => {
    const { code, output } = await run(['generate.py', '--url', `${base}/openapi.json`, '--check'], {}, 280_000);
    expect(code, output.slice(-6000)).toBe(0);
  });

  it('the drift check fails on a changed route, naming it', { timeout: 300_000 }, async () => {
    const doc = await (await fetch(`${base}/openapi.json`)).json();
    // The batch-prediction route renamed, as an API change would.
    doc.paths['/api/v1/inference/batch-prediction'] = doc.paths['/api/v1/inference/batchPrediction'];
    delete doc.paths['/api/v1/inference/batchPrediction'];
    const file = path.join(workDir, 'changed-openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const { code, output } = await run(['generate.py', '--file', file, '--check'], {}, 280_000);
    expect(code, output.slice(-3000)).toBe(1);
    expect(output).toContain('/api/v1/inference/batch-prediction');
    expect(output).toContain('regenerate it with clients/python/generate.py');
  });
});
