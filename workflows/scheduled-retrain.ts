// One firing of a retraining schedule (issue 15): starts an ordinary training workflow (`train-<id>`, as 8.1 does) as
// a child, waits for it, then records the run and, for a promoting schedule, the promote-if-better decision.
import { CancellationScope, ParentClosePolicy, executeChild, isCancellation, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { ScheduledRetrainInput } from '../contracts/retrain-schedules.js';
import { RECORD_ACTIVITY } from './activity-options.js';
import { failureMessage } from './failure-message.js';
import type { trainWorkflow } from './train.js';

const { startScheduledRetrain, finishScheduledRetrain } = proxyActivities<Activities>(RECORD_ACTIVITY);

export interface ScheduledRetrainResult {
  trainingId: number | null;
  status: 'Completed' | 'Failed';
  error?: string;
  promotion?: Awaited<ReturnType<Activities['finishScheduledRetrain']>>;
}

export async function scheduledRetrainWorkflow(input: ScheduledRetrainInput): Promise<ScheduledRetrainResult> {
  const { workflowId } = workflowInfo();
  const started = await startScheduledRetrain({ ...input, workflowId });
  if (!started.ok) return { trainingId: null, status: 'Failed', error: started.error };
  const finish = (error?: string) =>
    finishScheduledRetrain({ tenantId: input.tenantId, scheduleId: input.scheduleId, workflowId, trainingId: started.trainingId, error });
  try {
    await executeChild<typeof trainWorkflow>('trainWorkflow', {
      workflowId: started.trainWorkflowId,
      args: [started.input],
      // Cancelling this run cancels its training (which records itself Cancelled).
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
      // The same search attributes as 8.1's start (kind, tenant, resource), built by the activity.
      typedSearchAttributes: started.searchAttributes,
    });
  } catch (err) {
    const error = isCancellation(err) ? 'Cancelled on request' : failureMessage(err);
    await CancellationScope.nonCancellable(() => finish(error));
    if (isCancellation(err)) throw err;
    return { trainingId: started.trainingId, status: 'Failed', error };
  }
  return { trainingId: started.trainingId, status: 'Completed', promotion: await finish() };
}
