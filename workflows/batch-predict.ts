// Batch prediction (9.2): one Ray job (ml/dataml_jobs/jobs/predict.py) applies the model's stored pipeline to the
// whole prediction dataset, writes the gold Iceberg table and the CSV, and signals its result; an activity
// records it. Cancelling the workflow stops the Ray job and leaves the prediction Cancelled.
import { CancellationScope, isCancellation, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { BatchPredictWorkflowInput, BatchPredictWorkflowResult, PredictJobResult } from '../contracts/inference-workflows.js';
import { withJobRecord } from './job-lifecycle.js';
import { failureMessage, runRayJob } from './ray-job.js';
import { RECORD_ACTIVITY } from './activity-options.js';
import { publishEvent } from './events.js';

const { recordPredictionResult, recordPredictionStatus } = proxyActivities<Activities>(RECORD_ACTIVITY);

export async function batchPredictWorkflow(input: BatchPredictWorkflowInput): Promise<BatchPredictWorkflowResult> {
  return withJobRecord({ kind: 'batch_predict', tenantId: input.tenantId, resourceId: String(input.predictionId) }, async () => {
    try {
      const { result, submissionId } = await runRayJob<PredictJobResult>({
        job: 'predict',
        input: input.job,
        tenantId: input.tenantId,
        numCpus: 1,
      });
      await recordPredictionResult({
        predictionId: input.predictionId,
        tenantId: input.tenantId,
        username: input.username,
        submissionId,
        result,
      });
      // patched(): histories recorded before webhooks did not publish.
      if (patched('webhook-events'))
        await publishEvent('prediction.completed', input.tenantId, {
          prediction_id: input.predictionId,
          rows: result.rows,
          output_table: result.output_table,
        });
      return { ...result, predictionId: input.predictionId, submissionId };
    } catch (err) {
      const cancelled = isCancellation(err);
      await CancellationScope.nonCancellable(() =>
        recordPredictionStatus({
          predictionId: input.predictionId,
          status: cancelled ? 'Cancelled' : 'Failed',
          error: cancelled ? 'Cancelled on request' : failureMessage(err),
        }),
      );
      throw err;
    }
  });
}
