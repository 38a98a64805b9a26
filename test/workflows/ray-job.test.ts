// runRayJob (workflows/ray-job.ts), driven through the lake-probe workflow on Temporal's time-skipping test server
// with fake activities: the result signal, a job that dies without reporting, and cancellation. Seconds, no stack:
// the server binary comes from the project's venv (ml/.venv/bin/temporal-test-server), nothing is downloaded.
import path from 'node:path';
import { Context } from '@temporalio/activity';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakeProbeInput, RayJobResult } from '../../contracts/workflows.js';
import type { RayJobOutcome } from '../../activities/ray.js';
import { createWorker } from '../../worker/create-worker.js';
import { rayJobResultSignal } from '../../workflows/messages.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const TASK_QUEUE = 'ray-job-unit';

/** What the Ray side does once the job is submitted: report (or not) and end. */
type Scenario = (ctx: { workflowId: string; submissionId: string; signal: (r: RayJobResult) => Promise<void> }) => Promise<RayJobOutcome>;

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let scenario: Scenario;
let calls: Array<{ name: string; arg: any }>;

const activities = {
  async registerJob(arg: unknown) {
    calls.push({ name: 'registerJob', arg });
  },
  async recordJobStatus(arg: unknown) {
    calls.push({ name: 'recordJobStatus', arg });
  },
  async submitRayJob(arg: { step: string }) {
    calls.push({ name: 'submitRayJob', arg });
    const { workflowId } = Context.current().info.workflowExecution!;
    return { submissionId: `${workflowId}--${arg.step}`, created: true };
  },
  async watchRayJob(arg: { submissionId: string }) {
    calls.push({ name: 'watchRayJob', arg });
    const { workflowId } = Context.current().info.workflowExecution!;
    const signal = (r: RayJobResult) => env.client.workflow.getHandle(workflowId).signal(rayJobResultSignal, r);
    return scenario({ workflowId, submissionId: arg.submissionId, signal });
  },
  async stopRayJob(arg: { step: string }) {
    calls.push({ name: 'stopRayJob', arg });
    return true;
  },
};

beforeAll(async () => {
  // Failing workflows are what these tests expect: keep the SDK's warnings about them out of the output.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: path.join(ROOT, 'ml/.venv/bin/temporal-test-server') } },
  });
  worker = await createWorker({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, activities });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

let n = 0;
function start(): { workflowId: string; result: Promise<unknown>; handle: ReturnType<typeof env.client.workflow.getHandle> } {
  calls = [];
  const workflowId = `lake-probe-unit-${++n}`;
  const input: LakeProbeInput = { probeId: `unit_${n}`, tenantId: null, rows: 1, failMode: 'none', sleepSeconds: 0, allocateMb: 0 };
  const result = env.client.workflow.execute('lakeProbeWorkflow', { workflowId, taskQueue: TASK_QUEUE, args: [input] });
  return { workflowId, result, handle: env.client.workflow.getHandle(workflowId) };
}

/** The failure a workflow ended with, innermost cause first. */
async function failureOf(result: Promise<unknown>): Promise<Error> {
  const err = await result.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowFailedError);
  return (err as WorkflowFailedError).cause as Error;
}

const statuses = () => calls.filter((c) => c.name === 'recordJobStatus').map((c) => c.arg.status);

describe('runRayJob', () => {
  it('returns the result the job signals, and records Running then Completed', async () => {
    scenario = async ({ submissionId, signal }) => {
      await signal({ submission_id: submissionId, status: 'succeeded', result: { table: 't', snapshot_id: '1', rows: 1, sum: 1 } });
      return { submissionId, status: 'SUCCEEDED' };
    };
    const { workflowId, result } = start();
    expect(await result).toEqual({ table: 't', snapshot_id: '1', rows: 1, sum: 1, ray_submission_id: `${workflowId}--lake_probe` });
    expect(statuses()).toEqual(['Running', 'Completed']);
    expect(calls.map((c) => c.name)).not.toContain('stopRayJob');
  });

  it("ends on the job's signal while the watch still runs, and the watch ends with the workflow", async () => {
    let watchCancelled = false;
    scenario = async ({ submissionId, signal }) => {
      await signal({ submission_id: submissionId, status: 'succeeded', result: { rows: 3 } });
      // The watch has not seen the end (its poll is the fallback): it runs until its workflow is gone.
      const ctx = Context.current();
      try {
        for (;;) {
          ctx.heartbeat();
          await ctx.sleep(100);
        }
      } catch (err) {
        watchCancelled = true;
        throw err;
      }
    };
    expect(await start().result).toMatchObject({ rows: 3 });
    expect(statuses()).toEqual(['Running', 'Completed']);
    await expect.poll(() => watchCancelled, { timeout: 60_000 }).toBe(true);
  });

  it('ignores a signal about another submission', async () => {
    scenario = async ({ submissionId, signal }) => {
      await signal({ submission_id: 'someone-else', status: 'succeeded', result: { rows: 99 } });
      await signal({ submission_id: submissionId, status: 'succeeded', result: { rows: 1 } });
      return { submissionId, status: 'SUCCEEDED' };
    };
    expect(await start().result).toMatchObject({ rows: 1 });
  });

  it('fails with the error the job reported, even when Ray calls the job a success', async () => {
    scenario = async ({ submissionId, signal }) => {
      await signal({ submission_id: submissionId, status: 'failed', error: 'ValueError: bad input' });
      return { submissionId, status: 'SUCCEEDED' };
    };
    const { result } = start();
    const cause = await failureOf(result);
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({ type: 'RayJobFailed', message: 'ValueError: bad input', nonRetryable: true });
    expect(statuses()).toEqual(['Running', 'Failed']);
    expect(calls.at(-1)!.arg.message).toBe('ValueError: bad input');
  });

  it("fails with the job's own last error when it died without reporting", async () => {
    scenario = async ({ submissionId }) => ({ submissionId, status: 'FAILED', error: 'RuntimeError: crashed before reporting' });
    const cause = await failureOf(start().result);
    expect(cause).toMatchObject({ type: 'RayJobFailed', message: 'RuntimeError: crashed before reporting' });
    expect(statuses()).toEqual(['Running', 'Failed']);
  });

  it('fails as silent when Ray reports success but no result arrives within the grace period', async () => {
    // The 30 s grace is a workflow timer: the test server skips it.
    scenario = async ({ submissionId }) => ({ submissionId, status: 'SUCCEEDED' });
    const cause = await failureOf(start().result);
    expect(cause).toMatchObject({ type: 'RayJobSilent', message: 'the Ray job finished without reporting a result' });
    expect(statuses()).toEqual(['Running', 'Failed']);
  });

  it('stops the Ray job and records Cancelled when the workflow is cancelled while it runs', async () => {
    let watching!: () => void;
    const watched = new Promise<void>((resolve) => (watching = resolve));
    scenario = async ({ submissionId }) => {
      watching();
      // As the real watch does: heartbeat until the cancellation arrives through the heartbeat.
      const ctx = Context.current();
      for (;;) {
        ctx.heartbeat();
        await ctx.sleep(100);
      }
    };
    const { result, handle } = start();
    await watched;
    await handle.cancel();
    const cause = await failureOf(result);
    expect(cause).toBeInstanceOf(CancelledFailure);
    expect(calls.filter((c) => c.name === 'stopRayJob').map((c) => c.arg)).toEqual([{ step: 'lake_probe', job: 'lake_probe' }]);
    expect(statuses()).toEqual(['Running', 'Cancelled']);
  });
});
