// Drill: Ray's supervisor of a running job dies (as when its node or the Ray head goes): the job's process
// does not live on, the workflow submits the job again, and the probe completes with its rows written once.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findJobByWorkflowId } from '../../db/repositories/jobs.js';
import { appWithWorker } from '../support/app-with-worker.js';
import { inspectIcebergTable } from '../support/iceberg.js';
import { probeInput, rayJobsOf, startProbe, waitForRayJob } from '../support/probe.js';
import { hasStack } from '../support/stack.js';

/** pid → command line of every process we may read. */
function processes(): Map<number, string> {
  const out = new Map<number, string>();
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      out.set(Number(d), readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ').trim());
    } catch {
      /* gone */
    }
  }
  return out;
}
const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
/** Alive and not a zombie. */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z';
  } catch {
    return false;
  }
}

describe.skipIf(!hasStack)('drill: the Ray supervisor of a running job dies', () => {
  const stack = appWithWorker();

  it('resubmits the job, completes, leaves no job process behind and writes the rows once', async () => {
    const { t } = stack;
    const input = probeInput({ rows: 15, sleepSeconds: 8 });
    const handle = await startProbe(t.deps.temporal, t.config, input);
    const first = await waitForRayJob(t.config.ray.address, handle.workflowId, 'RUNNING', 90_000);

    // The job's driver (its command line names the submission), then its ancestor ray::JobSupervisor.
    let driver: number | undefined;
    for (const until = Date.now() + 30_000; !driver && Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
      driver = [...processes()].find(
        ([, cmd]) =>
          cmd.includes('dataml_jobs.jobs.lake_probe') &&
          cmd.includes(`--submission-id ${first.submission_id} `) &&
          !cmd.startsWith('/bin/sh'),
      )?.[0];
    }
    expect(driver, 'the job driver process').toBeDefined();
    let supervisor = parentOf(driver!);
    while (supervisor > 1 && !processes().get(supervisor)?.startsWith('ray::JobSupervisor')) supervisor = parentOf(supervisor);
    expect(processes().get(supervisor)).toMatch(/^ray::JobSupervisor/);
    process.kill(supervisor, 'SIGKILL');

    const result = await handle.result();
    expect(result.rows).toBe(15);
    expect(running(driver!), 'the first driver outlived its supervisor').toBe(false);
    await waitForRayJob(t.config.ray.address, handle.workflowId, 'SUCCEEDED', 60_000); // Ray's status follows the signal
    const jobs = await rayJobsOf(t.config.ray.address, handle.workflowId);
    const byId = Object.fromEntries(jobs.map((j) => [j.submission_id, j.status]));
    expect(byId).toEqual({ [first.submission_id]: 'FAILED', [`${first.submission_id}-a2`]: 'SUCCEEDED' });
    expect(result.ray_submission_id).toBe(`${first.submission_id}-a2`);
    const lake = inspectIcebergTable(t.config, result.table);
    expect(lake.rows).toBe(15);
    expect(lake.snapshots).toBe(1);
    const row = await findJobByWorkflowId(t.deps.db, handle.workflowId);
    expect(row?.status).toBe('Completed');
    expect(row?.ray_submission_id).toBe(`${first.submission_id}-a2`);
  });
});
