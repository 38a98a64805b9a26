// One webhook delivery (issue 15): a workflow per (event, webhook), `webhook-<tenant>-<event id>-<webhook id>`,
// started ABANDONed by the job that published the event (workflows/events.ts), so that a receiver that is down
// only keeps this workflow busy. Its one activity is retried by Temporal with the policy the event was published
// under (WEBHOOK_MAX_ATTEMPTS, backoff from WEBHOOK_RETRY_INITIAL_SECONDS to WEBHOOK_RETRY_MAX_SECONDS); every
// attempt is logged by the activity itself.
import { CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { WebhookDeliveryInput } from '../contracts/webhooks.js';
import { RECORD_ACTIVITY } from './activity-options.js';

const { finishWebhookDelivery } = proxyActivities<Activities>(RECORD_ACTIVITY);

export async function webhookDeliveryWorkflow(input: WebhookDeliveryInput): Promise<'delivered' | 'failed' | 'skipped'> {
  const { deliverWebhook } = proxyActivities<Activities>({
    // The HTTP timeout plus the Postgres reads and the attempt's log.
    startToCloseTimeout: `${input.timeoutSeconds + 20} seconds`,
    retry: {
      maximumAttempts: input.retry.maximumAttempts,
      initialInterval: `${input.retry.initialIntervalSeconds} seconds`,
      maximumInterval: `${input.retry.maximumIntervalSeconds} seconds`,
      backoffCoefficient: 2,
    },
  });
  let status: 'delivered' | 'failed' | 'skipped';
  try {
    status = await deliverWebhook({ deliveryId: input.deliveryId, timeoutSeconds: input.timeoutSeconds });
  } catch (err) {
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(() => finishWebhookDelivery({ deliveryId: input.deliveryId, status: 'failed' }));
      throw err;
    }
    status = 'failed';
  }
  await finishWebhookDelivery({ deliveryId: input.deliveryId, status });
  return status;
}
