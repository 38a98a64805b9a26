// The one entry point for publishing an event to the tenant's webhooks, from any workflow:
//   await publishEvent('drift.detected', tenantId, { ... });
// An activity records the event and one delivery per subscribed webhook (idempotent by the event id, which comes
// from the workflow's deterministic uuid4); each delivery then runs in its own workflow, started as a child with
// ParentClosePolicy ABANDON: the job waits only for the starts (not the deliveries), its history records them
// (replay-safe, nothing started twice), and no Temporal client is needed in the worker. Publishing never fails or
// cancels the job: a failure to publish is logged and the job goes on.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { CancellationScope, ParentClosePolicy, log, proxyActivities, startChild, uuid4 } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { WebhookEvent } from '../contracts/webhooks.js';
import { failureMessage } from './failure-message.js';
import type { webhookDeliveryWorkflow } from './webhook-delivery.js';

// Short and bounded: while Postgres is down the job's own bookkeeping waits anyway; an event is not worth more.
const { recordWebhookEvent } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds', maximumAttempts: 5 },
});

export async function publishEvent(event: WebhookEvent, tenantId: string, data: Record<string, unknown>): Promise<void> {
  // Completion paths also run while the job is being cancelled (in its cleanup): the publish is not cancelled with it.
  await CancellationScope.nonCancellable(async () => {
    const id = `evt_${uuid4()}`;
    try {
      const deliveries = await recordWebhookEvent({ id, event, tenantId, createdAt: new Date().toISOString(), data });
      for (const { workflowId, ...input } of deliveries) {
        try {
          await startChild<typeof webhookDeliveryWorkflow>('webhookDeliveryWorkflow', {
            workflowId,
            args: [input],
            parentClosePolicy: ParentClosePolicy.ABANDON,
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
      }
    } catch (err) {
      log.warn('webhook event not published', { event, eventId: id, error: failureMessage(err) });
    }
  });
}
