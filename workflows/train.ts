// Trains one model version (8.1): one Ray job (ml/dataml_jobs/jobs/train.py) reads the dataset at a pinned Iceberg
// snapshot, fits the pipeline, stores the artifact in S3 and signals its result; an activity persists it.
// Cancelling the workflow (12.1) stops the Ray job and leaves the training Cancelled.
// The ONNX copy (export + parity check) is a follow-up job after the version is Completed (workflows/onnx.ts).
import { CancellationScope, isCancellation, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { TrainJobResult, TrainWorkflowInput } from '../contracts/train-workflows.js';
import { withJobRecord } from './job-lifecycle.js';
import { failureMessage, runRayJob } from './ray-job.js';
import { runOnnxStep } from './onnx.js';
import { runShapStep } from './shap.js';
import { RECORD_ACTIVITY } from './activity-options.js';
import { publishEvent } from './events.js';

const { recordTrainingResult, recordTrainingStatus } = proxyActivities<Activities>(RECORD_ACTIVITY);

export interface TrainWorkflowResult {
  trainingId: number;
  preprocessId: number;
  submissionId: string;
  algorithm: string;
  headline: number | null;
}

export async function trainWorkflow(input: TrainWorkflowInput): Promise<TrainWorkflowResult> {
  return withJobRecord({ kind: 'train', tenantId: input.tenantId, resourceId: String(input.trainingId) }, async () => {
    let out: TrainWorkflowResult;
    let modelKey: string;
    let snapshotId: string;
    let artifact: TrainJobResult['artifact'];
    // patched(): histories recorded before the ONNX copy moved after Completed exported it inside the train job.
    const onnxAfter = patched('onnx-after-completed');
    try {
      const { result, submissionId } = await runRayJob<TrainJobResult>({
        job: 'train',
        input: onnxAfter ? { ...input.job, onnx: 'after' } : input.job,
        tenantId: input.tenantId,
        numCpus: 1,
      });
      const preprocessId = await recordTrainingResult({ trainingId: input.trainingId, submissionId, result });
      modelKey = result.artifact.model_key;
      snapshotId = result.snapshot_id;
      artifact = result.artifact;
      out = {
        trainingId: input.trainingId,
        preprocessId,
        submissionId,
        algorithm: result.algorithm,
        headline: (result.metrics.headline as number) ?? null,
      };
    } catch (err) {
      const cancelled = isCancellation(err);
      await CancellationScope.nonCancellable(() =>
        recordTrainingStatus({
          trainingId: input.trainingId,
          status: cancelled ? 'Cancelled' : 'Failed',
          error: cancelled ? 'Cancelled on request' : failureMessage(err),
        }),
      );
      // patched(): histories recorded before webhooks did not publish (a cancellation is not an event).
      if (!cancelled && patched('webhook-events'))
        await publishEvent('training.failed', input.tenantId, { train_id: input.trainingId, error: failureMessage(err) });
      throw err;
    }
    // The version serves from here on; its ONNX copy and SHAP values follow.
    if (patched('webhook-events'))
      await publishEvent('training.completed', input.tenantId, {
        train_id: input.trainingId,
        preprocess_id: out.preprocessId,
        algorithm: out.algorithm,
        headline_metric: out.headline,
      });
    if (onnxAfter && artifact.onnx_status === 'pending') {
      await runOnnxStep({
        trainingId: input.trainingId,
        tenantId: input.tenantId,
        job: {
          trainId: input.trainingId,
          table: input.job.table,
          snapshotId,
          modelKey,
          metadataKey: String(artifact.metadata_key),
          artifactPrefix: input.job.artifactPrefix,
        },
      });
    }
    if (input.shapEnabled) {
      // The model is already usable; a SHAP failure is recorded on the SHAP status only.
      await runShapStep({
        trainingId: input.trainingId,
        tenantId: input.tenantId,
        job: { trainId: input.trainingId, table: input.job.table, snapshotId, modelKey },
      });
    }
    return out;
  });
}
