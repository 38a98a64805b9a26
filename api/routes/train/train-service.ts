// How a training request becomes a training: every check before any compute (8.1), then the rows and the workflow.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ALGORITHMS_BY_PROBLEM, TARGET_TYPES, type CreateTrainingBody, type TrainingJob } from '../../../contracts/train.js';
import type { TrainJobInput, TrainWorkflowInput } from '../../../contracts/train-workflows.js';
import { workflowIds } from '../../../contracts/workflows.js';
import * as repo from '../../../db/repositories/train.js';
import type { AppDeps, Principal } from '../../deps.js';
import { conflict, unprocessable } from '../../errors.js';
import { startJob } from '../../temporal/start-job.js';

export const DEFAULT_SEED = 42;
export const ATTRIBUTES = ['Id', 'Target', 'Feature', 'Time', 'Ignore'] as const;

type Issue = { path: string; message: string; code: string };
const fail = (issues: Issue[]) => unprocessable(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
const issue = (path: string, message: string, code = 'invalid'): Issue => ({ path, message, code });

export type DatasetForTraining = NonNullable<Awaited<ReturnType<typeof repo.datasetForTraining>>>;

/** The dataset, checked for training use (422 naming `dataset_id` otherwise). */
export async function trainableDataset(deps: AppDeps, tenantId: string, datasetId: number): Promise<DatasetForTraining> {
  const d = await repo.datasetForTraining(deps.db, tenantId, datasetId);
  if (!d) throw fail([issue('dataset_id', `no dataset ${datasetId} in your tenant`, 'not_found')]);
  if (d.usage !== 't') throw fail([issue('dataset_id', `dataset ${datasetId} is marked for prediction (usage "p"); upload it with usage "t" to train on it`, 'wrong_usage')]);
  if (d.is_valid === null) throw fail([issue('dataset_id', `dataset ${datasetId} is still being validated; retry when its files are validated`, 'not_validated')]);
  if (d.is_valid === false) throw fail([issue('dataset_id', `dataset ${datasetId} is not valid (some files failed validation); fix or delete those files`, 'invalid_dataset')]);
  if (!d.schema.length) throw fail([issue('dataset_id', `dataset ${datasetId} has no template`, 'no_template')]);
  if (!d.fileSnapshotIds.length) throw fail([issue('dataset_id', `dataset ${datasetId} has no validated rows in the datalake`, 'empty_dataset')]);
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
      issues.push(issue(`columns.${i}.column_name`, `"${c.column_name}" is not a column of dataset ${d.id}${near ? ` (did you mean "${near.column_name}"?)` : ''}`, 'unknown_column'));
      return;
    }
    if (col.data_type !== c.data_type) {
      issues.push(issue(`columns.${i}.data_type`, `column "${c.column_name}" is ${col.data_type} in the dataset, not ${c.data_type}`, 'type_mismatch'));
    }
    if (c.attribute_name === 'Target') {
      const allowed = TARGET_TYPES[body.problem_type] as readonly string[];
      if (!allowed.includes(col.data_type)) {
        issues.push(issue(`columns.${i}.attribute_name`, `a ${body.problem_type} Target must be ${allowed.join(', ')}; "${c.column_name}" is ${col.data_type}`, 'target_type'));
      }
    }
    if (c.attribute_name === 'Time' && !['Date', 'DateTime'].includes(col.data_type)) {
      issues.push(issue(`columns.${i}.attribute_name`, `the Time column must be Date or DateTime; "${c.column_name}" is ${col.data_type}`, 'time_type'));
    }
  });
  const allowed = ALGORITHMS_BY_PROBLEM[body.problem_type] as readonly string[];
  if (!allowed.includes(body.algorithm)) {
    issues.push(issue('algorithm', `"${body.algorithm}" does not fit ${body.problem_type}; use one of ${allowed.join(', ')}`, 'algorithm_mismatch'));
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

/** Name uniqueness (409), or for is_incremental the predictor and version to continue. */
export async function resolvePredictor(deps: AppDeps, tenantId: string, body: CreateTrainingBody): Promise<PreparedTraining> {
  const existing = await repo.findPredictorByName(deps.db, tenantId, body.predictor_name);
  if (!body.is_incremental) {
    if (existing) throw conflict(`A predictor named "${body.predictor_name}" already exists in your tenant`);
    return { predictorId: null, version: 1, parent: null };
  }
  if (!existing) throw fail([issue('predictor_name', `is_incremental needs an existing predictor; there is no "${body.predictor_name}"`, 'not_found')]);
  if (existing.problem_type !== body.problem_type) {
    throw fail([issue('problem_type', `predictor "${existing.predictor_name}" is ${existing.problem_type}`, 'mismatch')]);
  }
  const { newest, completed } = await repo.latestTrainingsOfPredictor(deps.db, existing.id);
  if (newest && repo.ACTIVE_STATUSES.includes(newest.status as never)) {
    throw conflict(`version ${newest.version} of "${existing.predictor_name}" is still training`);
  }
  // Continues the newest completed version (a failed or cancelled attempt is skipped).
  const parent = completed ? await repo.findTraining(deps.db, tenantId, completed.id) : undefined;
  if (!parent) {
    throw fail([issue('is_incremental', `"${existing.predictor_name}" has no completed version to continue`, 'parent_not_completed')]);
  }
  const algo = parent.chosen_algorithm ?? parent.algorithm;
  if (!['xgboost', 'lightgbm'].includes(algo)) {
    throw fail([issue('is_incremental', `incremental training continues XGBoost or LightGBM models; the latest version is ${algo}`, 'not_incremental')]);
  }
  if (parent.dataset_id !== body.dataset_id) {
    throw fail([issue('dataset_id', `incremental training continues on the same dataset (${parent.dataset_id}) with its newly validated files`, 'dataset_mismatch')]);
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

export async function createAndStart(deps: AppDeps, principal: Principal, body: CreateTrainingBody) {
  const { tenantId, username } = principal;
  const dataset = await trainableDataset(deps, tenantId, body.dataset_id);
  checkColumns(body, dataset);
  const prep = await resolvePredictor(deps, tenantId, body);
  const secret = randomBytes(24).toString('base64url');
  const seed = body.seed ?? DEFAULT_SEED;
  const algorithm = prep.parent ? (prep.parent.chosen_algorithm ?? prep.parent.algorithm) : body.algorithm;
  const config = {
    time_budget_seconds: body.time_budget_seconds ?? null,
    forecast_horizon: body.forecast_horizon ?? null,
    domain: body.domain,
    template: dataset.schema,
  };
  let training;
  try {
    training = await deps.db.transaction().execute(async (trx) => {
      const predictorId =
        prep.predictorId ??
        (await repo.insertPredictor(trx, { tenantId, name: body.predictor_name, domain: body.domain, problemType: body.problem_type, username })).id;
      return repo.insertTraining(trx, {
        tenantId, predictorId, version: prep.version, parentTrainingId: prep.parent?.id ?? null, datasetId: dataset.id,
        fileSnapshotIds: dataset.fileSnapshotIds, icebergTable: `silver.${dataset.iceberg_table_name}`,
        templateId: dataset.template_id, templateVersion: dataset.template_version, problemType: body.problem_type, algorithm,
        columns: body.columns, config, seed, isIncremental: body.is_incremental, shapEnabled: body.shap_enabled,
        callbackSecretSha256: sha256(secret), username, workflowIdFor: (id) => workflowIds.train(id),
      });
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw conflict(`A predictor named "${body.predictor_name}" already exists in your tenant`);
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
    ...(body.forecast_horizon ? { forecast: { horizon: body.forecast_horizon } } : {}),
    artifactPrefix: `tenants/${tenantId}/models/${training.id}/v${training.version}`,
    ...(prep.parent
      ? { parent: { trainId: prep.parent.id, modelKey: String((prep.parent.artifact as { model_key?: string }).model_key), snapshotId: prep.parent.snapshot_id! } }
      : {}),
  };
  const input: TrainWorkflowInput = { trainingId: training.id, tenantId, shapEnabled: body.shap_enabled, job: { ...job, callbackSecret: secret } };
  try {
    await startJob(deps.temporal, deps.config, { workflow: 'trainWorkflow', workflowId: training.workflow_id, args: [input] as never, kind: 'train', tenantId, resourceId: training.id });
  } catch (err) {
    await repo.setTrainingStatus(deps.db, training.id, { status: 'Failed', error: `could not start the training workflow: ${(err as Error).message}` });
    throw err;
  }
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
