// Activity options the job workflows share, declared once so that every workflow retries its bookkeeping alike.
import type { ActivityOptions } from '@temporalio/workflow';

/** Postgres writes through activities (job records, results, statuses): short, retried for a few minutes. */
export const RECORD_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds', maximumAttempts: 20 },
};
