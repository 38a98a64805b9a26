// `npm start` itself (its stack script, with the ports shifted so it can run beside the test stack):
// everything comes up, a job runs, Ctrl-C leaves no process behind, and a second start finds the data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { LOCAL, shiftedProfile } from '../../scripts/stack/profiles.js';
import { inspectIcebergTable } from '../support/iceberg.js';
import { probeInput, startProbe } from '../support/probe.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const OFFSET = 2000;
const profile = shiftedProfile(LOCAL, OFFSET);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dataml-e2e-'));

/** The environment of a fresh shell: none of the test stack's addresses, so everything starts locally. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(DATABASE_URL|TEMPORAL_|S3_|ICEBERG_|RAY_|API_|DATAML_MODE|DATA_DIR)/.test(k)) delete env[k];
  }
  return { ...env, STACK_PORT_OFFSET: String(OFFSET), STACK_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
}

function startStack(): { child: ChildProcess; output: () => string; up: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/stack.ts', 'start'], { cwd: ROOT, env: cleanEnv(), detached: true });
  let out = '';
  const up = new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('Data ML Platform is up.')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`stack exited (${code}) before it was up:\n${out.slice(-3000)}`)));
  });
  return { child, output: () => out, up };
}

/** Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group. */
async function interrupt(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  process.kill(-child.pid!, 'SIGINT');
  return exited;
}

/** Processes whose command line names this run's data or Ray folders. */
function leftovers(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(dataDir) || cmd.includes(profile.ray.tempDir)) found.push(`${pid}: ${cmd.slice(0, 160)}`);
    } catch {
      /* gone */
    }
  }
  return found;
}

const configFor = () =>
  loadConfig({
    DATABASE_URL: `postgres://dataml:dataml@127.0.0.1:${profile.postgresPort}/dataml`,
    TEMPORAL_ADDRESS: `127.0.0.1:${profile.temporal.port}`,
    S3_ENDPOINT: `http://127.0.0.1:${profile.seaweed.s3}`,
    ICEBERG_CATALOG_URI: `http://127.0.0.1:${profile.seaweed.iceberg}`,
    RAY_ADDRESS: `http://127.0.0.1:${profile.ray.dashboardPort}`,
  });

describe('npm start', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts everything, runs a job, stops cleanly, and keeps the data for the next start', async () => {
    const config = configFor();
    const base = `http://127.0.0.1:${profile.apiPort}`;

    const first = startStack();
    await first.up;
    expect(first.output()).toContain(`${base}/docs`);
    expect(await (await fetch(`${base}/api/v1/utils/health-check/`)).json()).toEqual({ status: 'ok', message: 'Service is healthy.' });
    const ready = (await (await fetch(`${base}/api/v1/utils/readiness/`)).json()) as { status: string };
    expect(ready.status).toBe('ready');
    expect((await fetch(`${base}/docs`)).status).toBe(200);

    // A job through the stack's own worker.
    const connection = await Connection.connect({ address: config.temporal.address });
    const input = probeInput({ rows: 9 });
    let result;
    try {
      result = await (await startProbe(new Client({ connection }), config, input)).result();
    } finally {
      await connection.close();
    }

    await interrupt(first.child);
    expect(leftovers()).toEqual([]);

    const second = startStack();
    await second.up;
    try {
      const db = new pg.Client({ connectionString: config.postgres.url });
      await db.connect();
      const row = await db.query('select status from jobs where workflow_id = $1', [`lake-probe-${input.probeId}`]);
      await db.end();
      expect(row.rows[0]?.status).toBe('Completed');
      const lake = inspectIcebergTable(config, result.table);
      expect(lake.rows).toBe(9);
      expect(lake.snapshot_id).toBe(result.snapshot_id);
    } finally {
      await interrupt(second.child);
    }
    expect(leftovers()).toEqual([]);
  }, 420_000);

  it('a component that fails to start takes down the ones that started beside it', async () => {
    // Postgres cannot bind its port, while Temporal and SeaweedFS start in parallel and come up.
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(profile.postgresPort, '127.0.0.1', resolve));
    try {
      const stack = startStack();
      await expect(stack.up).rejects.toThrow(/stack exited \(1\)/);
      expect(stack.output()).toMatch(/postgres/i);
      expect(leftovers()).toEqual([]);
    } finally {
      squatter.close();
    }
  }, 120_000);
});
