// Drift monitoring (issue 15): on-demand drift runs of a trained version (a workflow each, `drift-<tenant>-<id>`, whose
// Ray job compares recent inputs with the training snapshot) and their results.
import type { z } from '@hono/zod-openapi';
import type { CreateDriftRunBody, DriftRun } from '../../contracts/drift.js';
import type { ModelRef } from '../../contracts/aliases.js';
import { workflowIds } from '../../contracts/workflows.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import * as repo from '../../db/repositories/drift.js';
import { datasetForTraining, findTraining } from '../../db/repositories/train.js';
import type { DriftParams } from '../../db/tables/drift.js';
import type { AppDeps, Principal } from '../deps.js';
import { conflict, notFound, unprocessable } from '../errors.js';
import { startJobOrMarkFailed } from '../temporal/start-job.js';
import { resolveModelRef } from './model-aliases.js';

type DriftCheck = Pick<CreateDriftRunBody, 'dataset_id' | 'thresholds' | 'sample_rows' | 'window_hours'>;

export const paramsOf = (c: DriftCheck): DriftParams => ({
  thresholds: c.thresholds,
  sample_rows: c.sample_rows,
  window_hours: c.window_hours,
});

/** The checks a version and a dataset pass before a drift run of them is recorded (on demand and scheduled). */
export async function checkDriftInputs(db: Kysely<Database>, tenantId: string, trainingId: number, datasetId?: number) {
  const t = await findTraining(db, tenantId, trainingId);
  if (!t) throw notFound(`Model ${trainingId}`);
  if (t.status !== 'Completed') throw conflict(`The model is ${t.effective_status}; drift needs a Completed model`);
  if (t.problem_type === 'Forecast')
    throw unprocessable('train_id: drift is computed for Classification and Regression models', [
      { path: 'train_id', message: 'a Forecast model', code: 'wrong_problem_type' },
    ]);
  if (!(t.artifact as { model_key?: string } | null)?.model_key || !t.snapshot_id)
    throw conflict('The model has no stored artifact or training snapshot');
  if (datasetId !== undefined) {
    const d = await datasetForTraining(db, tenantId, datasetId);
    if (!d)
      throw unprocessable(`dataset_id: no dataset ${datasetId} in your tenant`, [
        { path: 'dataset_id', message: `no dataset ${datasetId} in your tenant`, code: 'not_found' },
      ]);
    if (!d.iceberg_table_name || !d.valid_rows) throw conflict(`Dataset ${datasetId} has no validated rows yet`);
  }
  return t;
}

/** Records a run (Submitted) after the checks; its workflow id is `drift-<tenant>-<id>`. */
export async function recordDriftRun(
  db: Kysely<Database>,
  a: {
    tenantId: string;
    username: string;
    trainingId: number;
    modelRef: ModelRef;
    check: DriftCheck;
    schedule?: { id: number; workflowId: string };
  },
) {
  await checkDriftInputs(db, a.tenantId, a.trainingId, a.check.dataset_id);
  const run = await repo.insertRun(db, {
    tenantId: a.tenantId,
    trainingId: a.trainingId,
    modelRef: String(a.modelRef),
    source: a.check.dataset_id === undefined ? 'realtime' : 'dataset',
    datasetId: a.check.dataset_id ?? null,
    params: paramsOf(a.check),
    username: a.username,
    scheduleId: a.schedule?.id,
    scheduleWorkflowId: a.schedule?.workflowId,
  });
  const workflowId = workflowIds.drift(a.tenantId, run.id);
  await repo.setRunWorkflow(db, run.id, workflowId);
  return { ...run, workflow_id: workflowId };
}

export async function startDriftRun(deps: AppDeps, principal: Principal, body: CreateDriftRunBody) {
  const { tenantId, username } = principal;
  const trainingId = await resolveModelRef(deps, tenantId, body.train_id);
  const run = await recordDriftRun(deps.db, { tenantId, username, trainingId, modelRef: body.train_id, check: body });
  await startJobOrMarkFailed(
    deps.temporal,
    deps.config,
    {
      workflow: 'driftWorkflow',
      workflowId: run.workflow_id,
      args: [{ tenantId, runId: run.id }] as never,
      kind: 'drift',
      tenantId,
      resourceId: run.id,
    },
    (err) => repo.finishRun(deps.db, run.id, { status: 'Failed', error: `the drift workflow could not be started: ${err.message}` }),
  );
  deps.log.info({ workflowId: run.workflow_id, trainingId, source: run.source }, 'drift run started');
  return {
    drift_run_id: run.id,
    workflow_id: run.workflow_id,
    source: run.source as 'dataset' | 'realtime',
    train_id: trainingId,
    status: 'Submitted' as const,
  };
}

type Result = {
  flagged_features?: string[];
  features?: unknown[];
  prediction?: unknown;
  reference_rows?: number;
  current_rows?: number;
  reference_table?: string;
  reference_snapshot_id?: string;
  current_table?: string;
  current_snapshot_id?: string | null;
};

export function runSummary(r: repo.DriftRunRecord) {
  const result = (r.result ?? {}) as Result;
  return {
    id: r.id,
    train_id: r.training_id,
    model_ref: r.model_ref,
    source: r.source as 'dataset' | 'realtime',
    dataset_id: r.dataset_id,
    schedule_name: r.schedule_name ?? null,
    workflow_id: r.workflow_id,
    status: r.status as 'Submitted' | 'Running' | 'Completed' | 'Failed' | 'Cancelled',
    error: r.error,
    drift_detected: r.drift_detected,
    flagged_features: result.flagged_features ?? [],
    thresholds: r.params.thresholds,
    sample_rows: r.params.sample_rows,
    window_hours: r.params.window_hours,
    created_by: r.created_by,
    created_at: r.created_at.toISOString(),
    finished_at: r.finished_at?.toISOString() ?? null,
  };
}

export async function driftRun(deps: AppDeps, tenantId: string, id: number) {
  const r = await repo.findRun(deps.db, tenantId, id);
  if (!r) throw notFound(`Drift run ${id}`);
  const result = (r.result ?? {}) as Result;
  return {
    ...runSummary(r),
    features: (result.features ?? []) as z.infer<typeof DriftRun>['features'],
    prediction: (result.prediction ?? null) as z.infer<typeof DriftRun>['prediction'],
    reference_rows: result.reference_rows ?? null,
    current_rows: result.current_rows ?? null,
    reference_table: result.reference_table ?? null,
    reference_snapshot_id: result.reference_snapshot_id ?? null,
    current_table: result.current_table ?? null,
    current_snapshot_id: result.current_snapshot_id ?? null,
  };
}

export async function listDriftRuns(deps: AppDeps, tenantId: string, trainingId?: number) {
  // Filtering by a version the tenant does not have is a 404, as for any other id (not an empty list).
  if (trainingId !== undefined && !(await findTraining(deps.db, tenantId, trainingId))) throw notFound(`Model ${trainingId}`);
  const rows = await repo.listRuns(deps.db, tenantId, { trainingId, limit: 100 });
  return { data: rows.map(runSummary) };
}
