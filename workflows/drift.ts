// Drift monitoring (issue 15). driftWorkflow (`drift-<tenant>-<run id>`): one Ray job (ml/dataml_jobs/jobs/drift.py)
// compares the run's current data with the version's training snapshot; the result is recorded on the run.
// scheduledDriftWorkflow: one firing of a drift schedule, which records a run and executes it as a child.
import {
  ApplicationFailure,
  CancellationScope,
  ParentClosePolicy,
  executeChild,
  isCancellation,
  patched,
  proxyActivities,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { DriftWorkflowInput, ScheduledDriftInput } from '../contracts/drift.js';
import { RECORD_ACTIVITY } from './activity-options.js';
import { publishEvent } from './events.js';
import { withJobRecord } from './job-lifecycle.js';
import { failureMessage, runRayJob } from './ray-job.js';

const { prepareDriftJob, finishDriftRun, startScheduledDrift } = proxyActivities<Activities>(RECORD_ACTIVITY);

export interface DriftWorkflowResult {
  driftRunId: number;
  driftDetected: boolean;
}

async function runDrift(input: DriftWorkflowInput): Promise<DriftWorkflowResult> {
  try {
    const prep = await prepareDriftJob(input);
    if (!prep.ok) throw ApplicationFailure.nonRetryable(prep.error, 'DriftInputGone');
    const { result } = await runRayJob<Record<string, unknown> & { drift_detected: boolean }>({
      job: 'drift',
      step: 'drift',
      input: prep.job,
      tenantId: input.tenantId,
      numCpus: 1,
    });
    await finishDriftRun({ ...input, result });
    // The `drift.detected` webhook event (workflows/events.ts); runs recorded before it existed replay without it.
    if (result.drift_detected && patched('drift-detected-event')) {
      await publishEvent('drift.detected', input.tenantId, {
        drift_run_id: input.runId,
        train_id: prep.trainId ?? null,
        flagged_features: result.flagged_features ?? [],
        prediction_flagged: (result.prediction as { flagged?: boolean } | undefined)?.flagged ?? false,
      });
    }
    return { driftRunId: input.runId, driftDetected: result.drift_detected };
  } catch (err) {
    const cancelled = isCancellation(err);
    await CancellationScope.nonCancellable(() =>
      finishDriftRun({ ...input, cancelled, error: cancelled ? 'Cancelled on request' : failureMessage(err) }),
    );
    throw err;
  }
}

export async function driftWorkflow(input: DriftWorkflowInput): Promise<DriftWorkflowResult> {
  return withJobRecord({ kind: 'drift', tenantId: input.tenantId, resourceId: String(input.runId) }, () => runDrift(input));
}

export async function scheduledDriftWorkflow(input: ScheduledDriftInput): Promise<DriftWorkflowResult | { error: string }> {
  const started = await startScheduledDrift({ ...input, workflowId: workflowInfo().workflowId });
  if (!started.ok) return { error: started.error };
  return executeChild<typeof driftWorkflow>('driftWorkflow', {
    workflowId: started.workflowId,
    args: [{ tenantId: input.tenantId, runId: started.runId }],
    // Cancelling the firing cancels its run (which records itself Cancelled).
    parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
    typedSearchAttributes: started.searchAttributes,
  });
}
