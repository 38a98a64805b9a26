// The first job, end to end on the real stack: Temporal → Ray → Iceberg (SeaweedFS) → signal → Postgres.
import { WorkflowFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { findJobByWorkflowId } from '../../db/repositories/jobs.js';
import { appWithWorker } from '../support/app-with-worker.js';
import { inspectIcebergTable } from '../support/iceberg.js';
import { probeInput, rayJobsOf, startProbe, waitForRayJob } from '../support/probe.js';

describe('lake probe job on the real stack', () => {
  const stack = appWithWorker();

  it('writes an Iceberg table through the catalog and reports its snapshot by signal', async () => {
    const { t } = stack;
    const input = probeInput({ rows: 40, tenantId: '6f1d7c0e-8a4b-4c1e-9d2a-1b2c3d4e5f60' });
    const handle = await startProbe(t.deps.temporal, t.config, input);
    const result = await handle.result();

    const lake = inspectIcebergTable(t.config, result.table);
    expect(lake.rows).toBe(40);
    expect(lake.ids).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(lake.sum).toBeCloseTo(((40 * 41) / 2) * 0.5, 6);
    expect(lake.snapshot_id).toBe(result.snapshot_id);
    expect(lake.snapshots).toBe(1);

    const row = await findJobByWorkflowId(t.deps.db, handle.workflowId);
    expect(row?.status).toBe('Completed');
    expect(row?.ray_submission_id).toBe(result.ray_submission_id);
    expect((row?.result as { snapshot_id: string } | undefined)?.snapshot_id).toBe(result.snapshot_id);

    // The workflow ends on the job's own signal, sent just before its process exits: Ray's status follows.
    await waitForRayJob(t.config.ray.address, handle.workflowId, 'SUCCEEDED', 60_000);
    const jobs = await rayJobsOf(t.config.ray.address, handle.workflowId);
    expect(jobs.map((j) => j.status)).toEqual(['SUCCEEDED']);

    // Findable in the Temporal UI by tenant and resource.
    const described = await handle.describe();
    const attrs = described.searchAttributes as Record<string, unknown[]>;
    expect(attrs.DatamlTenantId).toEqual([input.tenantId]);
    expect(attrs.DatamlResourceId).toEqual([input.probeId]);
  });

  it('never appends the same rows twice when the job is run again', async () => {
    const { t } = stack;
    const input = probeInput({ rows: 7 });
    const first = await (await startProbe(t.deps.temporal, t.config, input)).result();
    const again = await (await startProbe(t.deps.temporal, t.config, input, `${'lake-probe-'}${input.probeId}-again`)).result();
    expect(again.snapshot_id).toBe(first.snapshot_id);
    const lake = inspectIcebergTable(t.config, first.table);
    expect(lake.rows).toBe(7);
    expect(lake.snapshots).toBe(1);
  });

  it('fails the workflow with the message the job reported', async () => {
    const { t } = stack;
    const input = probeInput({ failMode: 'raise' });
    const handle = await startProbe(t.deps.temporal, t.config, input);
    const err = await handle.result().catch((e) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect(String(err.cause?.message)).toContain(`probe ${input.probeId} was asked to fail`);
    const row = await findJobByWorkflowId(t.deps.db, handle.workflowId);
    expect(row?.status).toBe('Failed');
    expect(row?.message).toBe(`probe ${input.probeId} was asked to fail`);
  });

  it('fails with the job’s own error when it dies without signalling', async () => {
    const { t } = stack;
    const input = probeInput({ failMode: 'crash' });
    const handle = await startProbe(t.deps.temporal, t.config, input);
    const err = await handle.result().catch((e) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect(String(err.cause?.message)).toBe(`RuntimeError: probe ${input.probeId} crashed before reporting`);
    const row = await findJobByWorkflowId(t.deps.db, handle.workflowId);
    expect(row?.status).toBe('Failed');
    expect(row?.message).toContain('crashed before reporting');
  });

  it('stops the Ray job when the workflow is cancelled', async () => {
    const { t } = stack;
    const input = probeInput({ sleepSeconds: 120 });
    const handle = await startProbe(t.deps.temporal, t.config, input);
    const running = await waitForRayJob(t.config.ray.address, handle.workflowId, 'RUNNING');
    const progress = await handle.query<{ phase: string; raySubmissionId: string | null }>('progress');
    expect(progress).toEqual({ phase: 'running lake_probe', raySubmissionId: running.submission_id });
    await handle.cancel();
    const err = await handle.result().catch((e) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const jobs = await rayJobsOf(t.config.ray.address, handle.workflowId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.status).toBe('STOPPED');
    const row = await findJobByWorkflowId(t.deps.db, handle.workflowId);
    expect(row?.status).toBe('Cancelled');
  });
});
