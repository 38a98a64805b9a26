// The timer of one upload session (api/services/upload-sessions.ts): at the session's expiry, if nobody
// completed or aborted it, the session is marked expired and its S3 multipart upload aborted, so no orphaned
// parts stay in the store. Completing or aborting the session cancels this workflow.
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { UploadSessionExpiryInput } from '../contracts/data-workflows.js';

// Retried until S3 answers (no attempt limit): giving up would leave the parts behind for good.
const { expireUploadSession } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

export async function uploadSessionExpiryWorkflow(input: UploadSessionExpiryInput): Promise<{ aborted: boolean }> {
  // Date.now() is the workflow's deterministic clock.
  const wait = Date.parse(input.expiresAt) - Date.now();
  if (wait > 0) await sleep(wait);
  return expireUploadSession(input);
}
