// Records a workflow's status in Postgres around its body: Running, then Completed, Failed or Cancelled.
import { CancellationScope, isCancellation, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { failureMessage } from './ray-job.js';
import { RECORD_ACTIVITY } from './activity-options.js';

const { registerJob, recordJobStatus } = proxyActivities<Activities>(RECORD_ACTIVITY);

export async function withJobRecord<T>(
  job: { kind: string; tenantId?: string | null; resourceId?: string | null },
  body: () => Promise<T>,
  summarize: (result: T) => unknown = (r) => r,
): Promise<T> {
  const { workflowId } = workflowInfo();
  await registerJob({ workflowId, ...job });
  try {
    const result = await body();
    await recordJobStatus({ workflowId, status: 'Completed', message: null, result: summarize(result) });
    return result;
  } catch (err) {
    const cancelled = isCancellation(err);
    await CancellationScope.nonCancellable(() =>
      recordJobStatus({
        workflowId,
        status: cancelled ? 'Cancelled' : 'Failed',
        message: cancelled ? 'Cancelled on request' : failureMessage(err),
      }),
    );
    throw err;
  }
}
