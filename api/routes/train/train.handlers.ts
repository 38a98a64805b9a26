import { DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { RouteHandler } from '@hono/zod-openapi';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { TemplateDataType } from '../../../contracts/templates.js';
import type { ModelSummaryResponse } from '../../../contracts/train.js';
import type { ShapWorkflowInput } from '../../../contracts/train-workflows.js';
import { workflowIds } from '../../../contracts/workflows.js';
import { findJobByWorkflowId } from '../../../db/repositories/jobs.js';
import * as repo from '../../../db/repositories/train.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import type { AppDeps } from '../../deps.js';
import { conflict, notFound, unprocessable } from '../../errors.js';
import { startJob } from '../../temporal/start-job.js';
import type { CallbackEnv } from './callback-secret.js';
import { ATTRIBUTES, createAndStart, toTrainingJob, trainableDataset } from './train-service.js';
import type {
  createTraining,
  deleteFeatureImportance,
  deleteTraining,
  downloadTrainingSchema,
  generateFeatureImportance,
  getTrainingDetails,
  listTrainings,
  modelSummary,
  refreshTrainings,
  shapResultCallback,
  trainingResultCallback,
  updateModel,
  viewFeatureImportance,
} from './train.routes.js';

const ACTIVE = new Set<string>(repo.ACTIVE_STATUSES);

async function ownTraining(deps: AppDeps, tenantId: string, id: number) {
  const t = await repo.findTraining(deps.db, tenantId, id);
  if (!t) throw notFound('Training');
  return t;
}

export const createTrainingHandler: RouteHandler<typeof createTraining, AuthedEnv> = async (c) => {
  const body = c.req.valid('json');
  const t = await createAndStart(c.var.deps, c.var.principal, body);
  return c.json(
    {
      id: t.id, tenant_id: t.tenant_id, predictor_name: body.predictor_name, problem_type: body.problem_type, created_by: t.created_by,
      dataset_id: t.dataset_id, created_at: t.created_at.toISOString(), modified_at: t.modified_at.toISOString(),
      training_status: 'Submitted' as const, workflow_id: t.workflow_id,
    },
    201,
  );
};

export const getTrainingDetailsHandler: RouteHandler<typeof getTrainingDetails, AuthedEnv> = async (c) => {
  const body = c.req.valid('json');
  const d = await trainableDataset(c.var.deps, c.var.principal.tenantId, body.dataset_id);
  const attributes = body.problem_type === 'Forecast' ? [...ATTRIBUTES] : ATTRIBUTES.filter((a) => a !== 'Time');
  return c.json(
    {
      dataset_id: body.dataset_id, predictor_name: body.predictor_name, domain: body.domain, problem_type: body.problem_type,
      dataset_schema: d.schema.map((s) => ({ column_name: s.column_name, data_type: s.data_type as TemplateDataType })),
      attributes,
    },
    200,
  );
};

async function listBody(deps: AppDeps, tenantId: string) {
  const rows = await repo.listTrainings(deps.db, tenantId);
  return { total: rows.length, data: rows.map(toTrainingJob) };
}

export const listTrainingsHandler: RouteHandler<typeof listTrainings, AuthedEnv> = async (c) =>
  c.json(await listBody(c.var.deps, c.var.principal.tenantId), 200);

/** The innermost failure message of a closed workflow. */
async function workflowFailure(deps: AppDeps, workflowId: string): Promise<string> {
  try {
    await deps.temporal.workflow.getHandle(workflowId).result();
    return 'the workflow completed without recording a result';
  } catch (err) {
    let e = err as { message?: string; cause?: unknown } | undefined;
    let msg = e?.message ?? String(err);
    while (e?.cause) {
      e = e.cause as { message?: string; cause?: unknown };
      if (e?.message) msg = e.message;
    }
    return msg;
  }
}

export const refreshTrainingsHandler: RouteHandler<typeof refreshTrainings, AuthedEnv> = async (c) => {
  const { deps } = c.var;
  const { tenantId } = c.var.principal;
  for (const t of await repo.listTrainings(deps.db, tenantId)) {
    if (!ACTIVE.has(t.status)) continue;
    let status: string;
    try {
      status = (await deps.temporal.workflow.getHandle(t.workflow_id).describe()).status.name;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      await repo.setTrainingStatus(deps.db, t.id, { status: 'Failed', error: 'the training workflow no longer exists in Temporal' });
      continue;
    }
    if (status === 'RUNNING' || status === 'CONTINUED_AS_NEW') {
      if (t.effective_status === 'Running' && t.status === 'Submitted') await repo.setTrainingStatus(deps.db, t.id, { status: 'Running' });
    } else if (status === 'CANCELLED' || status === 'TERMINATED') {
      await repo.setTrainingStatus(deps.db, t.id, { status: 'Cancelled', error: `the workflow was ${status.toLowerCase()}` });
    } else if (status === 'FAILED' || status === 'TIMED_OUT' || status === 'COMPLETED') {
      await repo.setTrainingStatus(deps.db, t.id, { status: 'Failed', error: await workflowFailure(deps, t.workflow_id) });
    }
  }
  return c.json(await listBody(deps, tenantId), 200);
};

async function deletePrefix(deps: AppDeps, prefix: string) {
  const Bucket = deps.config.s3.bucket;
  let token: string | undefined;
  do {
    const page = await deps.s3.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token }));
    const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
    if (keys.length) await deps.s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

export const deleteTrainingHandler: RouteHandler<typeof deleteTraining, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { deps } = c.var;
  const { tenantId } = c.var.principal;
  const t = await ownTraining(deps, tenantId, id);
  if (ACTIVE.has(t.effective_status)) throw conflict('The training is still running; terminate it first (12.1)');
  if (t.shap_status && ACTIVE.has(t.shap_status)) throw conflict('A feature importance job is running on this model');
  if (await repo.predictionRunning(deps.db, t.id)) throw conflict('A prediction is running on this model; wait for it or terminate it (12.1)');
  await deletePrefix(deps, `tenants/${tenantId}/models/${t.id}/`);
  await repo.deleteTraining(deps.db, tenantId, t.id);
  return c.json({ status_code: 200, message: 'Training job deleted successfully' }, 200);
};

export const updateModelHandler: RouteHandler<typeof updateModel, AuthedEnv> = async (c) => {
  const body = c.req.valid('json');
  const { deps } = c.var;
  const { tenantId } = c.var.principal;
  const t = await ownTraining(deps, tenantId, body.train_id);
  const rec = await repo.findPreprocessRecord(deps.db, tenantId, body.preprocess_id);
  if (!rec) throw notFound('Preprocess record');
  if (t.status !== 'Completed' || t.preprocess_id == null) throw conflict('The model is not trained (yet)');
  const current = await repo.findPreprocessRecord(deps.db, tenantId, t.preprocess_id);
  const names = (d: unknown) => ((d as { features?: Array<{ name: string }> })?.features ?? []).map((f) => f.name).sort().join(',');
  if (names(rec.description) !== names(current?.description)) {
    throw unprocessable('preprocess_id: the preprocess record describes other features than the model uses', [
      { path: 'preprocess_id', message: 'describes other features than the model uses', code: 'incompatible' },
    ]);
  }
  await repo.setPreprocessId(deps.db, tenantId, t.id, rec.id);
  return c.json({ data: 'Model updated successfully', status_code: 200, message: 'Success' }, 200);
};

async function signalWorkflow(deps: AppDeps, workflowId: string, submissionId: string, payload: { error?: string | null; result?: Record<string, unknown> }) {
  await deps.temporal.workflow.getHandle(workflowId).signal('rayJobResult', {
    submission_id: submissionId,
    status: payload.error ? 'failed' : 'succeeded',
    ...(payload.result ? { result: payload.result } : {}),
    ...(payload.error ? { error: payload.error } : {}),
  });
}

// Both callbacks run behind requireCallbackSecret: c.var.callbackTraining is the training whose secret was given.
export const trainingResultCallbackHandler: RouteHandler<typeof trainingResultCallback, CallbackEnv> = async (c) => {
  const body = c.req.valid('json');
  const t = c.var.callbackTraining;
  if (!ACTIVE.has(t.effective_status) || !t.ray_job_id) throw conflict('The training is not running');
  const r = body.result;
  await signalWorkflow(c.var.deps, t.workflow_id, t.ray_job_id, {
    error: r.error ?? null,
    result: { ...r, external: true, ...(body.preprocess_id !== undefined ? { preprocess_id: body.preprocess_id } : {}) },
  });
  return c.json({ status: 'success' as const, message: 'Result received' }, 200);
};

export const shapResultCallbackHandler: RouteHandler<typeof shapResultCallback, CallbackEnv> = async (c) => {
  const body = c.req.valid('json');
  const { deps } = c.var;
  const t = c.var.callbackTraining;
  const job = t.shap_workflow_id ? await findJobByWorkflowId(deps.db, t.shap_workflow_id) : undefined;
  if (!t.shap_status || !ACTIVE.has(t.shap_status) || !job?.ray_submission_id) throw conflict('No feature importance job is running for this training');
  await signalWorkflow(deps, t.shap_workflow_id!, job.ray_submission_id, {
    result: { feature_importance: body.result, explainer: 'external', rows: 0 },
  });
  return c.json({ status: 'success' as const, message: 'SHAP result received' }, 200);
};

export const downloadTrainingSchemaHandler: RouteHandler<typeof downloadTrainingSchema, AuthedEnv> = async (c) => {
  const { train_id } = c.req.valid('param');
  const t = await ownTraining(c.var.deps, c.var.principal.tenantId, train_id);
  const template = ((t.config as { template?: Array<{ column_name: string; data_type: string }> }).template ?? []);
  const ignored = new Set(t.columns.filter((x) => x.attribute_name === 'Ignore').map((x) => x.column_name));
  const schema = template.filter((x) => !ignored.has(x.column_name)).map((x) => ({ column_name: x.column_name, data_type: x.data_type as TemplateDataType }));
  return c.json({ schema }, 200);
};

const lowerStatus = (s: string) => s.toLowerCase() as 'submitted' | 'running' | 'completed' | 'failed' | 'cancelled';

export const viewFeatureImportanceHandler: RouteHandler<typeof viewFeatureImportance, AuthedEnv> = async (c) => {
  const { train_id } = c.req.valid('query');
  const t = await ownTraining(c.var.deps, c.var.principal.tenantId, train_id);
  if (!t.shap_status) throw notFound('Feature importance (generate it with 8.10)');
  return c.json({ feature_importance: t.shap_result ?? null, status: lowerStatus(t.shap_status), ...(t.shap_error ? { error: t.shap_error } : {}) }, 200);
};

const REUSABLE_SHAP = new Set<string>(repo.SHAP_REUSABLE_STATUSES);

/** 8.10's answer for a SHAP job that is already there: the same job (a retried request must not start another). */
const existingShapJob = (t: repo.TrainingRecord) => ({
  status: 'success' as const,
  message: t.shap_status === 'Completed' ? 'Feature importance has already been generated.' : 'Feature importance job already submitted.',
  shap_job_id: t.shap_workflow_id!,
});

export const generateFeatureImportanceHandler: RouteHandler<typeof generateFeatureImportance, AuthedEnv> = async (c) => {
  const { train_id } = c.req.valid('query');
  const { deps } = c.var;
  const { tenantId } = c.var.principal;
  const t = await ownTraining(deps, tenantId, train_id);
  if (t.status !== 'Completed') throw conflict(`The model is ${t.effective_status}; feature importance needs a completed model`);
  if (t.shap_status && REUSABLE_SHAP.has(t.shap_status) && t.shap_workflow_id) return c.json(existingShapJob(t), 200);
  const modelKey = (t.artifact as { model_key?: string } | null)?.model_key;
  if (!modelKey || !t.snapshot_id) throw conflict('The model has no artifact');
  const workflowId = workflowIds.shap(t.id, Date.now().toString(36));
  if (!(await repo.claimShap(deps.db, t.id, workflowId))) {
    // A concurrent request started one between our read and our claim: answer with that one.
    return c.json(existingShapJob(await ownTraining(deps, tenantId, train_id)), 200);
  }
  const input: ShapWorkflowInput = { trainingId: t.id, tenantId, job: { trainId: t.id, table: t.iceberg_table, snapshotId: t.snapshot_id, modelKey } };
  try {
    await startJob(deps.temporal, deps.config, { workflow: 'shapWorkflow', workflowId, args: [input] as never, kind: 'shap', tenantId, resourceId: t.id });
  } catch (err) {
    // Otherwise later calls would keep answering with a job that never started.
    await repo.setShap(deps.db, t.id, { status: 'Failed', error: `the feature importance job could not be started: ${(err as Error).message}` });
    throw err;
  }
  return c.json({ status: 'success' as const, message: 'Feature importance job submitted successfully.', shap_job_id: workflowId }, 200);
};

export const deleteFeatureImportanceHandler: RouteHandler<typeof deleteFeatureImportance, AuthedEnv> = async (c) => {
  const { train_id } = c.req.valid('param');
  const { deps } = c.var;
  const t = await ownTraining(deps, c.var.principal.tenantId, train_id);
  if (t.shap_status && ACTIVE.has(t.shap_status)) throw conflict('A feature importance job is running');
  if (!t.shap_status) throw notFound('Feature importance');
  await repo.clearShap(deps.db, t.id);
  return c.json({ status_code: 200, message: 'Feature importance results deleted successfully' }, 200);
};

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const modelSummaryHandler: RouteHandler<typeof modelSummary, AuthedEnv> = async (c) => {
  const { train_id } = c.req.valid('query');
  const t = await ownTraining(c.var.deps, c.var.principal.tenantId, train_id);
  if (t.status !== 'Completed' || !t.metrics) throw conflict(`The model is ${t.effective_status}; no summary yet`);
  const m = t.metrics as Record<string, unknown>;
  const summary: ModelSummaryResponse['model_summary'] = {
    model: t.model_class ?? t.chosen_algorithm ?? t.algorithm,
    accuracy: num(m.accuracy), precision: num(m.precision), recall: num(m.recall), f1_score: num(m.f1_score),
    rmse: num(m.rmse), mae: num(m.mae), r2: num(m.r2), mape: num(m.mape), roc_auc: num(m.roc_auc), mase: num(m.mase), smape: num(m.smape),
    headline_metric: typeof m.headline_metric === 'string' ? m.headline_metric : undefined,
    baseline: (m.baseline as Record<string, unknown>) ?? undefined,
    leaderboard: Array.isArray(m.leaderboard) ? (m.leaderboard as Array<Record<string, unknown>>) : undefined,
  };
  const cm = Array.isArray(m.confusion_matrix) ? (m.confusion_matrix as number[][]) : null;
  return c.json({ model_summary: summary, confusion_matrix: cm }, 200);
};
