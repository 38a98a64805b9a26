// Feature importance (8.10, and `shap_enabled` on 8.1): one Ray job (ml/dataml_jobs/jobs/shap.py) loads the
// model's artifact, explains a sample of the training snapshot and reports mean |SHAP| per original feature.
import { CancellationScope, isCancellation, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { ShapJobResult, ShapWorkflowInput } from '../contracts/train-workflows.js';
import { withJobRecord } from './job-lifecycle.js';
import { failureMessage, runRayJob } from './ray-job.js';
import { RECORD_ACTIVITY } from './activity-options.js';

const { recordShap } = proxyActivities<Activities>(RECORD_ACTIVITY);

/** Runs the SHAP job and records its outcome on the training. Returns the importances, or null on failure. */
export async function runShapStep(input: ShapWorkflowInput, rethrow = false): Promise<Record<string, number> | null> {
  const { workflowId } = workflowInfo();
  await recordShap({ trainingId: input.trainingId, status: 'Running', workflowId });
  try {
    const { result } = await runRayJob<ShapJobResult>({
      job: 'shap',
      step: 'shap',
      input: input.job,
      tenantId: input.tenantId,
      numCpus: 1,
    });
    await recordShap({ trainingId: input.trainingId, status: 'Completed', result: result.feature_importance, error: null });
    return result.feature_importance;
  } catch (err) {
    const cancelled = isCancellation(err);
    await CancellationScope.nonCancellable(() =>
      recordShap({
        trainingId: input.trainingId,
        status: cancelled ? 'Cancelled' : 'Failed',
        error: cancelled ? 'Cancelled on request' : failureMessage(err),
      }),
    );
    if (cancelled || rethrow) throw err;
    return null;
  }
}

export async function shapWorkflow(input: ShapWorkflowInput): Promise<Record<string, number> | null> {
  return withJobRecord({ kind: 'shap', tenantId: input.tenantId, resourceId: String(input.trainingId) }, () => runShapStep(input, true));
}
