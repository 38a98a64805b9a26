// `npm start` itself (its stack script, with the ports shifted so it can run beside the test stack):
// everything comes up, a job runs, Ctrl-C leaves no process behind, and a second start finds the data.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectIcebergTable } from '../support/iceberg.js';
import { probeInput, startProbe } from '../support/probe.js';
import { spawnedStack } from '../support/spawned-stack.js';

// LOCAL + 6000: Postgres on 61432, above Linux's ephemeral port range (32768–60999), where at +2000 (57432) a
// client socket of a test running beside this one once took the port first.
const OFFSET = 6000;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dataml-e2e-'));

const { profile, config, base, start: startStack, interrupt, leftovers } = spawnedStack(OFFSET, dataDir);

describe('npm start', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts everything, runs a job, stops cleanly, and keeps the data for the next start', async () => {
    const first = startStack();
    const input = probeInput({ rows: 9 });
    let result;
    try {
      await first.up;
      expect(first.output()).toContain(`${base}/docs`);
      expect(await (await fetch(`${base}/api/v1/utils/health-check/`)).json()).toEqual({ status: 'ok', message: 'Service is healthy.' });
      // Ready once every dependency answers; a component that restarts right after its start (Ray under a heavy
      // load) makes it `degraded` for a moment, which is what readiness is for, so the check waits for `ready`.
      let ready: { status: string } = { status: 'unknown' };
      for (const until = Date.now() + 90_000; ready.status !== 'ready' && Date.now() < until; await sleep(1000)) {
        ready = (await (await fetch(`${base}/api/v1/utils/readiness/`)).json()) as { status: string };
      }
      expect(ready.status, JSON.stringify(ready)).toBe('ready');
      expect((await fetch(`${base}/docs`)).status).toBe(200);

      // A job through the stack's own worker.
      const connection = await Connection.connect({ address: config.temporal.address });
      try {
        result = await (await startProbe(new Client({ connection }), config, input)).result();
      } finally {
        await connection.close();
      }
    } finally {
      // Stopped whatever happened above, so that a failure here does not leave the stack holding its ports.
      await interrupt(first.child);
    }
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
