// Trainings (8.x): how a request becomes a training (every check before any compute, then the rows and the
// workflow), and what the other 8.x endpoints do with one: status refresh, deletion, callbacks, SHAP, summaries.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Transaction } from 'kysely';
import type { TemplateDataType } from '../../contracts/templates.js';
import {
  ALGORITHMS_BY_PROBLEM,
  TARGET_TYPES,
  type CreateTrainingBody,
  type ModelSummaryResponse,
  type TrainingJob,
  type UpdateModelBody,
} from '../../contracts/train.js';
import type { ShapWorkflowInput, TrainJobInput, TrainWorkflowInput } from '../../contracts/train-workflows.js';
import { workflowIds } from '../../contracts/workflows.js';
import type { Database } from '../../db/database.js';
import { findJobByWorkflowId } from '../../db/repositories/jobs.js';
import * as repo from '../../db/repositories/train.js';
import { failureMessage } from '../../workflows/failure-message.js';
import type { AppDeps, Principal } from '../deps.js';
import { conflict, notFound, unprocessable } from '../errors.js';
import { type Page, trimPage } from '../paging.js';
import { modelArtifactPrefix, modelsPrefix } from '../storage/keys.js';
import { deletePrefix } from '../storage/objects.js';
import { startJobOrMarkFailed } from '../temporal/start-job.js';

export const DEFAULT_SEED = 42;
export const ATTRIBUTES = ['Id', 'Target', 'Feature', 'Time', 'Ignore'] as const;

type Issue = { path: string; message: string; code: string };
const fail = (issues: Issue[]) => unprocessable(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
const issue = (path: string, message: string, code = 'invalid'): Issue => ({ path, message, code });

export type DatasetForTraining = NonNullable<Awaited<ReturnType<typeof repo.datasetForTraining>>>;

/** The dataset, checked for training use (422 naming `dataset_id` otherwise). */
export async function trainableDataset(deps: Pick<AppDeps, 'db'>, tenantId: string, datasetId: number): Promise<DatasetForTraining> {
  const d = await repo.datasetForTraining(deps.db, tenantId, datasetId);
  if (!d) throw fail([issue('dataset_id', `no dataset ${datasetId} in your tenant`, 'not_found')]);
  if (d.usage !== 't')
    throw fail([
      issue(
        'dataset_id',
        `dataset ${datasetId} is marked for prediction (usage "p"); upload it with usage "t" to train on it`,
        'wrong_usage',
      ),
    ]);
  if (d.is_valid === null)
    throw fail([issue('dataset_id', `dataset ${datasetId} is still being validated; retry when its files are validated`, 'not_validated')]);
  if (d.is_valid === false)
    throw fail([
      issue('dataset_id', `dataset ${datasetId} is not valid (some files failed validation); fix or delete those files`, 'invalid_dataset'),
    ]);
  if (!d.schema.length) throw fail([issue('dataset_id', `dataset ${datasetId} has no template`, 'no_template')]);
  if (!d.fileSnapshotIds.length)
    throw fail([issue('dataset_id', `dataset ${datasetId} has no validated rows in the datalake`, 'empty_dataset')]);
  return d;
}

/** Roles, types and algorithm against the dataset's schema. */
export function checkColumns(body: CreateTrainingBody, d: DatasetForTraining): void {
  const issues: Issue[] = [];
  const byName = new Map(d.schema.map((c) => [c.column_name, c]));
  const byLower = new Map(d.schema.map((c) => [c.column_name.toLowerCase(), c]));
  body.columns.forEach((c, i) => {
    const col = byName.get(c.column_name);
    if (!col) {
      const near = byLower.get(c.column_name.toLowerCase());
      issues.push(
        issue(
          `columns.${i}.column_name`,
          `"${c.column_name}" is not a column of dataset ${d.id}${near ? ` (did you mean "${near.column_name}"?)` : ''}`,
          'unknown_column',
        ),
      );
      return;
    }
    if (col.data_type !== c.data_type) {
      issues.push(
        issue(
          `columns.${i}.data_type`,
          `column "${c.column_name}" is ${col.data_type} in the dataset, not ${c.data_type}`,
          'type_mismatch',
        ),
      );
    }
    if (c.attribute_name === 'Target') {
      const allowed = TARGET_TYPES[body.problem_type] as readonly string[];
      if (!allowed.includes(col.data_type)) {
        issues.push(
          issue(
            `columns.${i}.attribute_name`,
            `a ${body.problem_type} Target must be ${allowed.join(', ')}; "${c.column_name}" is ${col.data_type}`,
            'target_type',
          ),
        );
      }
    }
    if (c.attribute_name === 'Time' && !['Date', 'DateTime'].includes(col.data_type)) {
      issues.push(
        issue(
          `columns.${i}.attribute_name`,
          `the Time column must be Date or DateTime; "${c.column_name}" is ${col.data_type}`,
          'time_type',
        ),
      );
    }
  });
  const allowed = ALGORITHMS_BY_PROBLEM[body.problem_type] as readonly string[];
  if (!allowed.includes(body.algorithm)) {
    issues.push(
      issue('algorithm', `"${body.algorithm}" does not fit ${body.problem_type}; use one of ${allowed.join(', ')}`, 'algorithm_mismatch'),
    );
  }
  const roled = new Set(body.columns.filter((c) => c.attribute_name !== 'Feature').map((c) => c.column_name));
  const features = d.schema.filter((c) => !roled.has(c.column_name));
  if (body.problem_type !== 'Forecast' && features.length === 0) {
    issues.push(issue('columns', 'no feature column is left: every column has the Id, Target or Ignore role', 'no_features'));
  }
  if (issues.length) throw fail(issues);
}

export interface PreparedTraining {
  predictorId: number | null;
  version: number;
  parent: repo.TrainingRecord | null;
}

/**
 * Name uniqueness (409), or for is_incremental the predictor and version to continue. `newVersion` (a scheduled
 * full retraining) adds a version to the existing predictor, trained from scratch (no parent).
 */
export async function resolvePredictor(
  deps: Pick<AppDeps, 'db'>,
  tenantId: string,
  body: CreateTrainingBody,
  newVersion = false,
): Promise<PreparedTraining> {
  const existing = await repo.findPredictorByName(deps.db, tenantId, body.predictor_name);
  if (!body.is_incremental && !newVersion) {
    if (existing) throw conflict(`A predictor named "${body.predictor_name}" already exists in your tenant`);
    return { predictorId: null, version: 1, parent: null };
  }
  if (!existing)
    throw fail([issue('predictor_name', `is_incremental needs an existing predictor; there is no "${body.predictor_name}"`, 'not_found')]);
  if (existing.problem_type !== body.problem_type) {
    throw fail([issue('problem_type', `predictor "${existing.predictor_name}" is ${existing.problem_type}`, 'mismatch')]);
  }
  const { newest, completed } = await repo.latestTrainingsOfPredictor(deps.db, existing.id);
  if (newest && repo.ACTIVE_STATUSES.includes(newest.status as never)) {
    throw conflict(`version ${newest.version} of "${existing.predictor_name}" is still training`);
  }
  if (!body.is_incremental) return { predictorId: existing.id, version: (newest?.version ?? 0) + 1, parent: null };
  // Continues the newest completed version (a failed or cancelled attempt is skipped).
  const parent = completed ? await repo.findTraining(deps.db, tenantId, completed.id) : undefined;
  if (!parent) {
    throw fail([issue('is_incremental', `"${existing.predictor_name}" has no completed version to continue`, 'parent_not_completed')]);
  }
  const algo = parent.chosen_algorithm ?? parent.algorithm;
  if (!['xgboost', 'lightgbm'].includes(algo)) {
    throw fail([
      issue(
        'is_incremental',
        `incremental training continues XGBoost or LightGBM models; the latest version is ${algo}`,
        'not_incremental',
      ),
    ]);
  }
  if (parent.dataset_id !== body.dataset_id) {
    throw fail([
      issue(
        'dataset_id',
        `incremental training continues on the same dataset (${parent.dataset_id}) with its newly validated files`,
        'dataset_mismatch',
      ),
    ]);
  }
  return { predictorId: existing.id, version: (newest?.version ?? parent.version) + 1, parent };
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function secretMatches(given: string | undefined, storedSha256: string): boolean {
  if (!given) return false;
  const a = Buffer.from(sha256(given), 'hex');
  const b = Buffer.from(storedSha256, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface PrepareOptions {
  /** A new version of the existing predictor trained from scratch (scheduled full retraining). */
  newVersion?: boolean;
  /** Runs in the transaction that inserts the training (a scheduled run records itself with it). */
  inTransaction?: (trx: Transaction<Database>, training: repo.TrainingRow) => Promise<void>;
}

/**
 * Every check, then the predictor and training rows, and the training workflow's input (not started): what 8.1 and
 * a scheduled retraining share.
 */
export async function prepareTraining(
  deps: Pick<AppDeps, 'db'>,
  principal: Pick<Principal, 'tenantId' | 'username'>,
  body: CreateTrainingBody,
  opts: PrepareOptions = {},
): Promise<{ training: repo.TrainingRow; input: TrainWorkflowInput }> {
  const { tenantId, username } = principal;
  const dataset = await trainableDataset(deps, tenantId, body.dataset_id);
  checkColumns(body, dataset);
  const prep = await resolvePredictor(deps, tenantId, body, opts.newVersion);
  const secret = randomBytes(24).toString('base64url');
  const seed = body.seed ?? DEFAULT_SEED;
  const algorithm = prep.parent ? (prep.parent.chosen_algorithm ?? prep.parent.algorithm) : body.algorithm;
  const config = {
    time_budget_seconds: body.time_budget_seconds ?? null,
    max_trials: body.max_trials ?? null,
    forecast_horizon: body.forecast_horizon ?? null,
    domain: body.domain,
    template: dataset.schema,
  };
  let training;
  try {
    training = await deps.db.transaction().execute(async (trx) => {
      const predictorId =
        prep.predictorId ??
        (
          await repo.insertPredictor(trx, {
            tenantId,
            name: body.predictor_name,
            domain: body.domain,
            problemType: body.problem_type,
            username,
          })
        ).id;
      const row = await repo.insertTraining(trx, {
        tenantId,
        predictorId,
        version: prep.version,
        parentTrainingId: prep.parent?.id ?? null,
        datasetId: dataset.id,
        fileSnapshotIds: dataset.fileSnapshotIds,
        icebergTable: `silver.${dataset.iceberg_table_name}`,
        templateId: dataset.template_id,
        templateVersion: dataset.template_version,
        problemType: body.problem_type,
        algorithm,
        columns: body.columns,
        config,
        seed,
        isIncremental: body.is_incremental,
        shapEnabled: body.shap_enabled,
        callbackSecretSha256: sha256(secret),
        username,
        workflowIdFor: (id) => workflowIds.train(id),
      });
      await opts.inTransaction?.(trx, row);
      return row;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505')
      throw conflict(`A predictor named "${body.predictor_name}" already exists in your tenant`);
    throw err;
  }
  const job: TrainJobInput = {
    trainId: training.id,
    tenantId,
    version: training.version,
    table: training.iceberg_table,
    fileSnapshotIds: dataset.fileSnapshotIds,
    templateVersion: dataset.template_version,
    template: dataset.schema,
    problemType: body.problem_type,
    algorithm,
    columns: body.columns,
    seed,
    ...(body.time_budget_seconds ? { timeBudgetSeconds: body.time_budget_seconds } : {}),
    ...(body.max_trials ? { maxTrials: body.max_trials } : {}),
    ...(body.forecast_horizon ? { forecast: { horizon: body.forecast_horizon } } : {}),
    artifactPrefix: modelArtifactPrefix(tenantId, training.id, training.version),
    ...(prep.parent
      ? {
          parent: {
            trainId: prep.parent.id,
            modelKey: String((prep.parent.artifact as { model_key?: string }).model_key),
            snapshotId: prep.parent.snapshot_id!,
          },
        }
      : {}),
  };
  const input: TrainWorkflowInput = {
    trainingId: training.id,
    tenantId,
    shapEnabled: body.shap_enabled,
    job: { ...job, callbackSecret: secret },
  };
  return { training, input };
}

export async function createAndStart(deps: AppDeps, principal: Principal, body: CreateTrainingBody) {
  const { tenantId } = principal;
  const { training, input } = await prepareTraining(deps, principal, body);
  await startJobOrMarkFailed(
    deps.temporal,
    deps.config,
    {
      workflow: 'trainWorkflow',
      workflowId: training.workflow_id,
      args: [input] as never,
      kind: 'train',
      tenantId,
      resourceId: training.id,
    },
    (err) =>
      repo.setTrainingStatus(deps.db, training.id, {
        status: 'Failed',
        error: `could not start the training workflow: ${err.message}`,
      }),
  );
  deps.log.info({ workflowId: training.workflow_id, trainId: training.id }, 'training started');
  return training;
}

const lower = (s: string) => s.toLowerCase() as TrainingJob['train_status'];

export function toTrainingJob(t: repo.TrainingRecord): TrainingJob {
  const status = t.effective_status as TrainingJob['training_status'];
  return {
    tenant_id: t.tenant_id,
    predictor_name: t.predictor_name,
    preprocess_id: t.preprocess_id == null ? null : Number(t.preprocess_id),
    problem_type: t.problem_type as TrainingJob['problem_type'],
    domain: t.domain,
    created_by: t.created_by,
    id: Number(t.id),
    dataset_id: Number(t.dataset_id),
    dataset_name: t.dataset_name ?? '',
    data_source: t.data_source ?? 'csv',
    created_at: t.created_at.toISOString(),
    modified_at: t.modified_at.toISOString(),
    algorithm: (t.chosen_algorithm ?? t.algorithm) as TrainingJob['algorithm'],
    accuracy: t.accuracy,
    ml_model_status: lower(status),
    train_status: lower(status),
    training_status: status,
    ray_job_id: t.ray_job_id,
    workflow_id: t.workflow_id,
    version: t.version,
    parent_id: t.parent_training_id == null ? null : Number(t.parent_training_id),
    error: t.error,
  };
}

const ACTIVE = new Set<string>(repo.ACTIVE_STATUSES);

export async function ownTraining(deps: AppDeps, tenantId: string, id: number) {
  const t = await repo.findTraining(deps.db, tenantId, id);
  if (!t) throw notFound('Training');
  return t;
}

/** 8.2: the dataset's columns and the roles a column may take for this problem type. */
export async function trainingDetails(deps: AppDeps, tenantId: string, datasetId: number, problemType: CreateTrainingBody['problem_type']) {
  const d = await trainableDataset(deps, tenantId, datasetId);
  return {
    dataset_schema: d.schema.map((s) => ({ column_name: s.column_name, data_type: s.data_type as TemplateDataType })),
    attributes: problemType === 'Forecast' ? [...ATTRIBUTES] : ATTRIBUTES.filter((a) => a !== 'Time'),
  };
}

export async function listTrainings(deps: AppDeps, tenantId: string, page: Page) {
  const { total, rows } = await repo.listTrainingsPage(deps.db, tenantId, page);
  const { data, paging } = trimPage(rows, page);
  return { total, data: data.map(toTrainingJob), ...paging };
}

/** The innermost failure message of a closed workflow. */
async function workflowFailure(deps: AppDeps, workflowId: string): Promise<string> {
  try {
    await deps.temporal.workflow.getHandle(workflowId).result();
    return 'the workflow completed without recording a result';
  } catch (err) {
    return failureMessage(err);
  }
}

/** 8.4: every active training's status brought in line with its workflow in Temporal, then the list. */
export async function refreshTrainings(deps: AppDeps, tenantId: string, page: Page) {
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
  return listTrainings(deps, tenantId, page);
}

/** 8.5: the training's artifacts (every version) and rows, when nothing runs on it. */
export async function deleteTraining(deps: AppDeps, tenantId: string, id: number): Promise<void> {
  const t = await ownTraining(deps, tenantId, id);
  if (ACTIVE.has(t.effective_status)) throw conflict('The training is still running; terminate it first (12.1)');
  if (t.shap_status && ACTIVE.has(t.shap_status)) throw conflict('A feature importance job is running on this model');
  if (await repo.predictionRunning(deps.db, t.id))
    throw conflict('A prediction is running on this model; wait for it or terminate it (12.1)');
  await deletePrefix(deps.s3, deps.config.s3.bucket, modelsPrefix(tenantId, t.id));
  await repo.deleteTraining(deps.db, tenantId, t.id);
}

/** 8.6: another preprocess record for the model, if it describes the same features. */
export async function updateModel(deps: AppDeps, tenantId: string, body: UpdateModelBody): Promise<void> {
  const t = await ownTraining(deps, tenantId, body.train_id);
  const rec = await repo.findPreprocessRecord(deps.db, tenantId, body.preprocess_id);
  if (!rec) throw notFound('Preprocess record');
  if (t.status !== 'Completed' || t.preprocess_id == null) throw conflict('The model is not trained (yet)');
  const current = await repo.findPreprocessRecord(deps.db, tenantId, t.preprocess_id);
  const names = (d: unknown) =>
    ((d as { features?: Array<{ name: string }> })?.features ?? [])
      .map((f) => f.name)
      .sort()
      .join(',');
  if (names(rec.description) !== names(current?.description)) {
    throw unprocessable('preprocess_id: the preprocess record describes other features than the model uses', [
      { path: 'preprocess_id', message: 'describes other features than the model uses', code: 'incompatible' },
    ]);
  }
  await repo.setPreprocessId(deps.db, tenantId, t.id, rec.id);
}

async function signalWorkflow(
  deps: AppDeps,
  workflowId: string,
  submissionId: string,
  payload: { error?: string | null; result?: Record<string, unknown> },
) {
  await deps.temporal.workflow.getHandle(workflowId).signal('rayJobResult', {
    submission_id: submissionId,
    status: payload.error ? 'failed' : 'succeeded',
    ...(payload.result ? { result: payload.result } : {}),
    ...(payload.error ? { error: payload.error } : {}),
  });
}

/** 8.7: an externally trained model's result, handed to the waiting training workflow. */
export async function acceptTrainingResult(
  deps: AppDeps,
  t: repo.TrainingRecord,
  result: { error?: string | null } & Record<string, unknown>,
  preprocessId: number | string | undefined,
): Promise<void> {
  if (!ACTIVE.has(t.effective_status) || !t.ray_job_id) throw conflict('The training is not running');
  await signalWorkflow(deps, t.workflow_id, t.ray_job_id, {
    error: result.error ?? null,
    result: { ...result, external: true, ...(preprocessId !== undefined ? { preprocess_id: preprocessId } : {}) },
  });
}

/** 8.11: externally computed feature importance, handed to the waiting SHAP workflow. */
export async function acceptShapResult(deps: AppDeps, t: repo.TrainingRecord, featureImportance: unknown): Promise<void> {
  const job = t.shap_workflow_id ? await findJobByWorkflowId(deps.db, t.shap_workflow_id) : undefined;
  if (!t.shap_status || !ACTIVE.has(t.shap_status) || !job?.ray_submission_id)
    throw conflict('No feature importance job is running for this training');
  await signalWorkflow(deps, t.shap_workflow_id!, job.ray_submission_id, {
    result: { feature_importance: featureImportance, explainer: 'external', rows: 0 },
  });
}

/** 8.8: the columns a prediction request gives the model (the template without its ignored columns). */
export async function trainingSchema(deps: AppDeps, tenantId: string, trainId: number) {
  const t = await ownTraining(deps, tenantId, trainId);
  const template = (t.config as { template?: Array<{ column_name: string; data_type: string }> }).template ?? [];
  const ignored = new Set(t.columns.filter((x) => x.attribute_name === 'Ignore').map((x) => x.column_name));
  return template
    .filter((x) => !ignored.has(x.column_name))
    .map((x) => ({ column_name: x.column_name, data_type: x.data_type as TemplateDataType }));
}

const lowerStatus = (s: string) => s.toLowerCase() as 'submitted' | 'running' | 'completed' | 'failed' | 'cancelled';

export async function featureImportance(deps: AppDeps, tenantId: string, trainId: number) {
  const t = await ownTraining(deps, tenantId, trainId);
  if (!t.shap_status) throw notFound('Feature importance (generate it with 8.10)');
  return {
    feature_importance: t.shap_result ?? null,
    status: lowerStatus(t.shap_status),
    ...(t.shap_error ? { error: t.shap_error } : {}),
  };
}

const REUSABLE_SHAP = new Set<string>(repo.SHAP_REUSABLE_STATUSES);

/** 8.10's answer for a SHAP job that is already there: the same job (a retried request must not start another). */
const existingShapJob = (t: repo.TrainingRecord) => ({
  status: 'success' as const,
  message: t.shap_status === 'Completed' ? 'Feature importance has already been generated.' : 'Feature importance job already submitted.',
  shap_job_id: t.shap_workflow_id!,
});

/** 8.10: starts the SHAP job of a completed model, or answers with the one already there. */
export async function generateFeatureImportance(deps: AppDeps, tenantId: string, trainId: number) {
  const t = await ownTraining(deps, tenantId, trainId);
  if (t.status !== 'Completed') throw conflict(`The model is ${t.effective_status}; feature importance needs a completed model`);
  if (t.shap_status && REUSABLE_SHAP.has(t.shap_status) && t.shap_workflow_id) return existingShapJob(t);
  const modelKey = (t.artifact as { model_key?: string } | null)?.model_key;
  if (!modelKey || !t.snapshot_id) throw conflict('The model has no artifact');
  const workflowId = workflowIds.shap(t.id, Date.now().toString(36));
  if (!(await repo.claimShap(deps.db, t.id, workflowId))) {
    // A concurrent request started one between our read and our claim: answer with that one.
    return existingShapJob(await ownTraining(deps, tenantId, trainId));
  }
  const input: ShapWorkflowInput = {
    trainingId: t.id,
    tenantId,
    job: { trainId: t.id, table: t.iceberg_table, snapshotId: t.snapshot_id, modelKey },
  };
  await startJobOrMarkFailed(
    deps.temporal,
    deps.config,
    { workflow: 'shapWorkflow', workflowId, args: [input] as never, kind: 'shap', tenantId, resourceId: t.id },
    (err) =>
      repo.setShap(deps.db, t.id, {
        status: 'Failed',
        error: `the feature importance job could not be started: ${err.message}`,
      }),
  );
  return { status: 'success' as const, message: 'Feature importance job submitted successfully.', shap_job_id: workflowId };
}

export async function deleteFeatureImportance(deps: AppDeps, tenantId: string, trainId: number): Promise<void> {
  const t = await ownTraining(deps, tenantId, trainId);
  if (t.shap_status && ACTIVE.has(t.shap_status)) throw conflict('A feature importance job is running');
  if (!t.shap_status) throw notFound('Feature importance');
  await repo.clearShap(deps.db, t.id);
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** 8.12: the completed model's metrics. */
export async function modelSummary(deps: AppDeps, tenantId: string, trainId: number) {
  const t = await ownTraining(deps, tenantId, trainId);
  if (t.status !== 'Completed' || !t.metrics) throw conflict(`The model is ${t.effective_status}; no summary yet`);
  const m = t.metrics as Record<string, unknown>;
  const summary: ModelSummaryResponse['model_summary'] = {
    model: t.model_class ?? t.chosen_algorithm ?? t.algorithm,
    accuracy: num(m.accuracy),
    precision: num(m.precision),
    recall: num(m.recall),
    f1_score: num(m.f1_score),
    rmse: num(m.rmse),
    mae: num(m.mae),
    r2: num(m.r2),
    mape: num(m.mape),
    roc_auc: num(m.roc_auc),
    mase: num(m.mase),
    smape: num(m.smape),
    headline_metric: typeof m.headline_metric === 'string' ? m.headline_metric : undefined,
    baseline: (m.baseline as Record<string, unknown>) ?? undefined,
    leaderboard: Array.isArray(m.leaderboard) ? (m.leaderboard as Array<Record<string, unknown>>) : undefined,
    curves: m.curves && typeof m.curves === 'object' ? (m.curves as Record<string, unknown>) : undefined,
    class_labels: Array.isArray(m.class_labels) && m.class_labels.length ? (m.class_labels as Array<string | number | boolean>) : undefined,
    ...(Array.isArray(m.backtest)
      ? { backtest: m.backtest as Array<Record<string, unknown>>, coverage_80: num(m.coverage_80), coverage_95: num(m.coverage_95) }
      : {}),
  };
  const cm = Array.isArray(m.confusion_matrix) ? (m.confusion_matrix as number[][]) : null;
  return { model_summary: summary, confusion_matrix: cm };
}
