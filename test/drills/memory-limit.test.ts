// Drill: a memory-hungry job fails cleanly with its limit named, while a job beside it completes.
// The worker here submits under RAY_JOB_MEMORY_LIMIT_GB=0.4; the hungry probe grows to 1 GB (a test hook).
import { WorkflowFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { findJobByWorkflowId } from '../../db/repositories/jobs.js';
import { appWithWorker } from '../support/app-with-worker.js';
import { inspectIcebergTable } from '../support/iceberg.js';
import { probeInput, rayJobsOf, startProbe, waitForRayJob } from '../support/probe.js';
import { hasStack } from '../support/stack.js';

describe.skipIf(!hasStack)('drill: a job over its memory limit', () => {
  const stack = appWithWorker({ RAY_JOB_MEMORY_LIMIT_GB: '0.4' });

  it('fails with "exceeded its memory limit of 0.4 GB" and a concurrent job completes', async () => {
    const { t } = stack;
    const neighbour = probeInput({ rows: 30, sleepSeconds: 5 });
    const hungry = probeInput({ rows: 5, allocateMb: 1024 });
    const neighbourRun = await startProbe(t.deps.temporal, t.config, neighbour);
    const hungryRun = await startProbe(t.deps.temporal, t.config, hungry);

    const err = await hungryRun.result().catch((e) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect(String(err.cause?.message)).toMatch(/^the job exceeded its memory limit of 0\.4 GB \(it used 0\.\d+ GB\)/);
    const row = await findJobByWorkflowId(t.deps.db, hungryRun.workflowId);
    expect(row?.status).toBe('Failed');
    expect(row?.message).toContain('exceeded its memory limit of 0.4 GB');
    // Its own failure: not resubmitted, and its Ray job is over (the guard killed it). The workflow learns of
    // the failure from the job's own signal, sent just before the job process exits: Ray's status follows.
    await waitForRayJob(t.config.ray.address, hungryRun.workflowId, 'FAILED', 60_000);
    const hungryJobs = await rayJobsOf(t.config.ray.address, hungryRun.workflowId);
    expect(hungryJobs.map((j) => j.status)).toEqual(['FAILED']);

    const result = await neighbourRun.result();
    expect(inspectIcebergTable(t.config, result.table).rows).toBe(30);
    expect((await findJobByWorkflowId(t.deps.db, neighbourRun.workflowId))?.status).toBe('Completed');
  });
});
