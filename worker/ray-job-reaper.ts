// No Ray job outlives its workflow: the worker stops every Ray job still running whose workflow is closed
// (terminated, timed out, or ended while Ray could not be told), at start-up and then periodically.
// Jobs whose Ray supervisor died (Ray restarted) are not Ray's any more: their own guard ends them
// (ml/dataml_jobs/common/job_guard.py).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { TERMINAL_STATES, type RayJobsClient } from '../activities/ray-jobs-client.js';

export interface ReaperDeps {
  ray: Pick<RayJobsClient, 'list' | 'stop'>;
  client: Client;
  namespace: string;
  log: Pick<Logger, 'info' | 'warn'>;
}

/** Stops the running Ray jobs of this namespace whose workflow is closed or unknown; returns their ids. */
export async function reapOrphanRayJobs({ ray, client, namespace, log }: ReaperDeps): Promise<string[]> {
  const stopped: string[] = [];
  for (const job of await ray.list()) {
    const meta = job.metadata ?? {};
    // Only jobs the platform submitted, and (when the cluster is shared) only this namespace's.
    if (TERMINAL_STATES.has(job.status) || !meta.workflow_id || (meta.namespace && meta.namespace !== namespace)) continue;
    let open: boolean;
    try {
      open = (await client.workflow.getHandle(meta.workflow_id).describe()).status.name === 'RUNNING';
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      open = false;
    }
    if (open) continue;
    await ray.stop(job.submission_id);
    stopped.push(job.submission_id);
    log.info({ submissionId: job.submission_id, workflowId: meta.workflow_id }, 'stopped a Ray job whose workflow is closed');
  }
  return stopped;
}

/** Runs the sweep now and every `everyMs`; a failed sweep (Ray or Temporal down) is logged and retried later. */
export function startRayJobReaper(deps: ReaperDeps, everyMs = 5 * 60_000): () => void {
  const sweep = () =>
    reapOrphanRayJobs(deps).catch((err: Error) => deps.log.warn({ err: err.message }, 'Ray job sweep failed; retrying later'));
  void sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
