// Drill: steps in warm runners (ml/dataml_jobs/warm/) keep the promises of Ray jobs: no Ray job per step, one
// step per workflow step found again by a new worker, a cancel stops it, a runner killed mid-step is replaced and
// the step runs again, a step over its memory limit fails cleanly and its runner lives on.
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJobByWorkflowId } from '../../db/repositories/jobs.js';
import { WarmRunners } from '../../integrations/warm-runners.js';
import { progressQuery } from '../../workflows/messages.js';
import { appWithWorker } from '../support/app-with-worker.js';
import { inspectIcebergTable } from '../support/iceberg.js';
import { probeInput, rayJobsOf, startProbe } from '../support/probe.js';
import { hasStack } from '../support/stack.js';
import { spawnWorkerProcess } from '../support/worker.js';

const ON = { RAY_WARM_RUNNERS: 'on', RAY_JOB_MEMORY_LIMIT_GB: '0.4' };

/** Retries a call to the warm runners while their driver or Ray is (re)starting. */
async function eventually<T>(call: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  for (const until = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 500))) {
    try {
      return await call();
    } catch (err) {
      if (Date.now() > until) throw err;
    }
  }
}

/** Alive and not a zombie. */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z';
  } catch {
    return false;
  }
}

describe.skipIf(!hasStack)('drill: warm runners', () => {
  const stack = appWithWorker(ON);
  let warm: WarmRunners;
  beforeAll(() => {
    warm = new WarmRunners(stack.t.config);
  });
  afterAll(() => warm?.close());

  /** The submission id of the workflow's step once its warm runner runs it, and the step's pid. */
  async function runningStep(handle: WorkflowHandle, notId?: string): Promise<{ submissionId: string; pid: number }> {
    for (const until = Date.now() + 120_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
      const { raySubmissionId } = await handle.query(progressQuery).catch(() => ({ raySubmissionId: null }));
      if (!raySubmissionId || raySubmissionId === notId) continue;
      const info = await eventually(() => warm.get('lake_probe', raySubmissionId));
      if (info.status === 'RUNNING') return { submissionId: raySubmissionId, pid: (info as unknown as { pid: number }).pid };
    }
    throw new Error(`no step of ${handle.workflowId} ran in a warm runner`);
  }

  it('runs steps in one long-lived runner, without a Ray job, with the log findable from the workflow id', async () => {
    const { t } = stack;
    const a = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 7 }));
    const ra = await a.result();
    const b = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 9 }));
    const rb = await b.result();
    expect([ra.rows, rb.rows]).toEqual([7, 9]);
    expect(inspectIcebergTable(t.config, rb.table).rows).toBe(9);
    expect(await rayJobsOf(t.config.ray.address, a.workflowId)).toEqual([]);
    expect(ra.ray_submission_id.startsWith(`${a.workflowId}--`)).toBe(true);
    const step = await warm.get('lake_probe', ra.ray_submission_id);
    expect(step.status).toBe('SUCCEEDED');
    expect(step.log).toContain(`${ra.ray_submission_id}.log`);
    expect(await warm.logs('lake_probe', ra.ray_submission_id)).toContain('job guard: peak memory');
    expect((await findJobByWorkflowId(t.deps.db, b.workflowId))?.status).toBe('Completed');
  });

  it('a cancel stops the step and the job is Cancelled', async () => {
    const { t } = stack;
    const handle = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 3, sleepSeconds: 120 }));
    const { submissionId, pid } = await runningStep(handle);
    await handle.cancel();
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    expect((await warm.get('lake_probe', submissionId)).status).toBe('STOPPED');
    expect(running(pid)).toBe(false);
    expect((await findJobByWorkflowId(t.deps.db, handle.workflowId))?.status).toBe('Cancelled');
  });

  it('a killed worker: a new worker finds the same step, which completes once', async () => {
    const { t } = stack;
    // This file's in-process worker is stopped for the test: only the spawned workers poll.
    await stack.worker.stop();
    const first = spawnWorkerProcess(ON);
    const handle = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 12, sleepSeconds: 6 }));
    const { submissionId } = await runningStep(handle);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const second = spawnWorkerProcess(ON);
    try {
      const result = await handle.result();
      expect(result.rows).toBe(12);
      expect(result.ray_submission_id).toBe(submissionId);
      expect(inspectIcebergTable(t.config, result.table).rows).toBe(12);
      expect(await rayJobsOf(t.config.ray.address, handle.workflowId)).toEqual([]);
    } finally {
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
      const { startInProcessWorker } = await import('../support/worker.js');
      stack.worker = await startInProcessWorker(t.config);
    }
  });

  it('a runner killed mid-step is replaced and the step runs again, writing its rows once', async () => {
    const { t } = stack;
    const before = await eventually(() => warm.runner('lake_probe'));
    // Long enough that the kill lands mid-step even on a loaded machine.
    const handle = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 15, sleepSeconds: 20 }));
    const { submissionId, pid } = await runningStep(handle);
    process.kill(before.pid, 'SIGKILL');

    const result = await handle.result();
    expect(result.rows).toBe(15);
    expect(result.ray_submission_id).toBe(`${submissionId}-a2`);
    // The step's guard ended the first attempt with its runner.
    expect(running(pid)).toBe(false);
    const lake = inspectIcebergTable(t.config, result.table);
    expect([lake.rows, lake.snapshots]).toEqual([15, 1]);
    const after = await eventually(() => warm.runner('lake_probe'));
    expect(after.pid).not.toBe(before.pid);
    expect((await findJobByWorkflowId(t.deps.db, handle.workflowId))?.status).toBe('Completed');
  });

  it('a step over its memory limit fails cleanly; its runner lives on and runs the next step', async () => {
    const { t } = stack;
    const hungry = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 5, allocateMb: 1024 }));
    const runnerBefore = await eventually(() => warm.runner('lake_probe'));
    const err = await hungry.result().catch((e) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect(String(err.cause?.message)).toMatch(/^the job exceeded its memory limit of 0\.4 GB \(it used 0\.\d+ GB\)/);
    const row = await findJobByWorkflowId(t.deps.db, hungry.workflowId);
    expect(row?.status).toBe('Failed');
    // Not resubmitted: one step, ended by its guard (a signal), and the runner is the same process.
    const { raySubmissionId } = await hungry.query(progressQuery);
    expect(raySubmissionId?.endsWith('-a2')).toBe(false);
    const step = await warm.get('lake_probe', raySubmissionId!);
    expect(step.status).toBe('FAILED');
    expect(step.exit_code).toBeLessThan(0);
    expect((await eventually(() => warm.runner('lake_probe'))).pid).toBe(runnerBefore.pid);

    const next = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 4 }));
    expect((await next.result()).rows).toBe(4);
  });
});
