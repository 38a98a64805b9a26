import type { RouteHandler } from '@hono/zod-openapi';
import * as repo from '../../../db/repositories/train.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { conflict, notFound } from '../../errors.js';
import type { terminateRayJob } from './ray.routes.js';

const FINISHED = new Set(['Completed', 'Failed', 'Cancelled']);

/** Finds the job's workflow (only among the caller's tenant's jobs) and cancels it; the workflow stops the Ray job. */
export const terminateRayJobHandler: RouteHandler<typeof terminateRayJob, AuthedEnv> = async (c) => {
  const { ray_job_id } = c.req.valid('query');
  const deps = c.get('deps');
  const { tenantId } = c.get('principal');
  const training = await repo.findTrainingByRayJob(deps.db, tenantId, ray_job_id);
  const job = await repo.findJobByRaySubmission(deps.db, tenantId, ray_job_id);
  const workflowId = job?.workflow_id ?? training?.workflow_id;
  if (!workflowId) throw notFound('Ray job');
  const status = job?.status ?? training?.effective_status ?? '';
  if (FINISHED.has(status)) throw conflict(`The job has already finished (${status})`);
  await deps.temporal.workflow.getHandle(workflowId).cancel();
  deps.log.info({ workflowId, rayJobId: ray_job_id }, 'termination requested');
  return c.json({ status: 'success' as const, message: `Termination request for Ray job '${ray_job_id}' has been sent.` }, 200);
};
