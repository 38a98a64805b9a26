import type { RouteHandler } from '@hono/zod-openapi';
import type { JobDetail, JobSummary } from '../../../contracts/jobs.js';
import type { JobStatus } from '../../../contracts/common.js';
import type { JobRow } from '../../../db/database.js';
import * as repo from '../../../db/repositories/jobs.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import type { AppDeps } from '../../deps.js';
import { conflict, notFound } from '../../errors.js';
import { liveProgress, unrecordedJob, workflowEnd } from './job-progress.js';
import type { cancelJob, getJob, listJobs } from './jobs.routes.js';

const ENDED = new Set(['Completed', 'Failed', 'Cancelled']);
const seconds = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);

function summary(row: JobRow, now = new Date()): JobSummary {
  // The row's last update is the end once its status is final (nothing writes it afterwards).
  const ended = ENDED.has(row.status) ? row.updated_at : null;
  return {
    workflow_id: row.workflow_id,
    kind: row.kind,
    status: row.status as JobStatus,
    resource_id: row.resource_id,
    message: row.message,
    ray_submission_id: row.ray_submission_id,
    started_at: row.created_at.toISOString(),
    ended_at: ended?.toISOString() ?? null,
    duration_seconds: seconds(row.created_at, ended ?? now),
  };
}

/** The job from Postgres, or a just-started one from Temporal (not recorded yet); 404 if neither is the tenant's. */
async function findJob(deps: AppDeps, tenantId: string, workflowId: string): Promise<JobDetail> {
  const row = await repo.findTenantJob(deps.db, tenantId, workflowId);
  if (row) {
    const result = row.result != null ? { result: row.result } : {};
    if (ENDED.has(row.status)) return { ...summary(row), progress: null, ...result };
    const [end, progress] = await Promise.all([workflowEnd(deps, workflowId), liveProgress(deps, workflowId)]);
    if (!end) return { ...summary(row), progress, ...result };
    // The row missed the end (the workflow was terminated, or cancelled before it could record it): Temporal's word.
    return {
      ...summary({ ...row, status: end.status, updated_at: end.closedAt }),
      message: row.message ?? `the workflow ended ${end.temporalStatus.toLowerCase()}`,
      progress: null,
      ...result,
    };
  }
  const started = await unrecordedJob(deps, tenantId, workflowId);
  if (!started) throw notFound('Job');
  return {
    workflow_id: workflowId,
    kind: started.kind,
    status: started.status,
    resource_id: started.resourceId,
    message: started.closedAt ? 'the workflow ended before recording the job' : null,
    ray_submission_id: null,
    started_at: started.startedAt.toISOString(),
    ended_at: started.closedAt?.toISOString() ?? null,
    duration_seconds: seconds(started.startedAt, started.closedAt ?? new Date()),
    progress: started.closedAt ? null : { phase: 'starting', percent: null, ray_submission_id: null },
  };
}

export const listJobsHandler: RouteHandler<typeof listJobs, AuthedEnv> = async (c) => {
  const q = c.req.valid('query');
  const { total, rows } = await repo.listTenantJobs(c.get('deps').db, {
    tenantId: c.get('principal').tenantId,
    kind: q.kind,
    status: q.status,
    resourceId: q.resource,
    limit: q.limit,
    offset: q.offset,
  });
  const now = new Date();
  return c.json({ total, limit: q.limit, offset: q.offset, data: rows.map((r) => summary(r, now)) }, 200);
};

export const getJobHandler: RouteHandler<typeof getJob, AuthedEnv> = async (c) => {
  const { workflow_id } = c.req.valid('param');
  return c.json(await findJob(c.get('deps'), c.get('principal').tenantId, workflow_id), 200);
};

export const cancelJobHandler: RouteHandler<typeof cancelJob, AuthedEnv> = async (c) => {
  const { workflow_id } = c.req.valid('param');
  const deps = c.get('deps');
  const job = await findJob(deps, c.get('principal').tenantId, workflow_id);
  if (ENDED.has(job.status)) throw conflict(`The job has already ended (${job.status})`);
  // The workflow stops its Ray job in a non-cancellable scope and records Cancelled itself (job-lifecycle.ts).
  await deps.temporal.workflow.getHandle(workflow_id).cancel();
  deps.log.info({ workflowId: workflow_id }, 'job cancellation requested');
  return c.json({ workflow_id, status: job.status, message: `Cancellation of job '${workflow_id}' requested.` }, 202);
};
