// Predictors, trainings (model versions) and preprocess records. Every read is scoped by tenant.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.js';
import type { StoredTrainColumn } from '../tables/train.js';
import { type Page, windowById } from './paging.js';

type Db = Kysely<Database> | Transaction<Database>;

export const ACTIVE_STATUSES = ['Submitted', 'Running'] as const;

export async function findPredictorByName(db: Db, tenantId: string, name: string) {
  return db
    .selectFrom('predictors')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<string>`lower(predictor_name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function insertPredictor(
  db: Db,
  p: { tenantId: string; name: string; domain: string; problemType: string; username: string },
) {
  return db
    .insertInto('predictors')
    .values({ tenant_id: p.tenantId, predictor_name: p.name, domain: p.domain, problem_type: p.problemType, created_by: p.username })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface NewTraining {
  tenantId: string;
  predictorId: number;
  version: number;
  parentTrainingId: number | null;
  datasetId: number;
  fileSnapshotIds: string[];
  icebergTable: string;
  templateId: number | null;
  templateVersion: number | null;
  problemType: string;
  algorithm: string;
  columns: StoredTrainColumn[];
  config: Record<string, unknown>;
  seed: number;
  isIncremental: boolean;
  shapEnabled: boolean;
  callbackSecretSha256: string;
  username: string;
  /** Builds the workflow id from the new row's id. */
  workflowIdFor: (id: number) => string;
}

export type TrainingRow = Awaited<ReturnType<typeof insertTraining>>;

export async function insertTraining(db: Db, t: NewTraining) {
  const row = await db
    .insertInto('trainings')
    .values({
      tenant_id: t.tenantId,
      predictor_id: t.predictorId,
      version: t.version,
      parent_training_id: t.parentTrainingId,
      dataset_id: t.datasetId,
      file_snapshot_ids: JSON.stringify(t.fileSnapshotIds),
      iceberg_table: t.icebergTable,
      template_id: t.templateId,
      template_version: t.templateVersion,
      problem_type: t.problemType,
      algorithm: t.algorithm,
      columns: JSON.stringify(t.columns),
      config: JSON.stringify(t.config),
      seed: t.seed,
      is_incremental: t.isIncremental,
      shap_enabled: t.shapEnabled,
      callback_secret_sha256: t.callbackSecretSha256,
      created_by: t.username,
      workflow_id: 'pending',
      status: 'Submitted',
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const workflowId = t.workflowIdFor(row.id);
  return db.updateTable('trainings').set({ workflow_id: workflowId }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
}

const trainingColumns = (db: Db) =>
  db
    .selectFrom('trainings as t')
    .innerJoin('predictors as p', 'p.id', 't.predictor_id')
    .leftJoin('datasets as d', 'd.id', 't.dataset_id')
    .leftJoin('jobs as j', 'j.workflow_id', 't.workflow_id')
    .selectAll('t')
    .select([
      'p.predictor_name',
      'p.domain',
      'd.dataset_name',
      'd.data_source',
      // The workflow records Running (and the Ray submission) in `jobs` as soon as the Ray job is submitted.
      sql<string>`case when t.status = 'Submitted' and j.status = 'Running' then 'Running' else t.status end`.as('effective_status'),
      sql<string | null>`coalesce(t.ray_submission_id, j.ray_submission_id)`.as('ray_job_id'),
    ]);

export type TrainingRecord = NonNullable<Awaited<ReturnType<typeof findTraining>>>;

/** A new secret for the 8.7 / 8.11 callbacks (a retried scheduled start hands the workflow a fresh one). */
export async function setCallbackSecret(db: Db, id: number, sha256: string) {
  await db.updateTable('trainings').set({ callback_secret_sha256: sha256 }).where('id', '=', id).execute();
}

export async function findTraining(db: Db, tenantId: string, id: number) {
  return trainingColumns(db).where('t.tenant_id', '=', tenantId).where('t.id', '=', id).executeTakeFirst();
}

export async function findTrainingById(db: Db, id: number) {
  return trainingColumns(db).where('t.id', '=', id).executeTakeFirst();
}

export async function findTrainingByRayJob(db: Db, tenantId: string, rayJobId: string) {
  return trainingColumns(db)
    .where('t.tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('t.ray_submission_id', '=', rayJobId), eb('j.ray_submission_id', '=', rayJobId)]))
    .executeTakeFirst();
}

/** One page of the tenant's trainings and how many it has. */
export async function listTrainingsPage(db: Db, tenantId: string, page: Page) {
  const [n, rows] = await Promise.all([
    db
      .selectFrom('trainings')
      .where('tenant_id', '=', tenantId)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    windowById(trainingColumns(db).where('t.tenant_id', '=', tenantId), 't.id', page).execute(),
  ]);
  return { total: Number(n.n), rows };
}

export async function listTrainings(db: Db, tenantId: string) {
  return trainingColumns(db).where('t.tenant_id', '=', tenantId).orderBy('t.id').execute();
}

/** The predictor's newest version (any status), and its newest completed one. */
export async function latestTrainingsOfPredictor(db: Db, predictorId: number) {
  const newest = await db
    .selectFrom('trainings')
    .selectAll()
    .where('predictor_id', '=', predictorId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const completed = await db
    .selectFrom('trainings')
    .selectAll()
    .where('predictor_id', '=', predictorId)
    .where('status', '=', 'Completed')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { newest, completed };
}

export interface StatusChange {
  status: string;
  error?: string | null;
  raySubmissionId?: string | null;
}

/** Moves a training to a status; a finished training (Completed/Failed/Cancelled) is never moved back. */
export async function setTrainingStatus(db: Db, id: number, change: StatusChange, onlyIfActive = true) {
  let q = db
    .updateTable('trainings')
    .set({
      status: change.status,
      modified_at: new Date(),
      ...(change.error !== undefined ? { error: change.error } : {}),
      ...(change.raySubmissionId !== undefined ? { ray_submission_id: change.raySubmissionId } : {}),
    })
    .where('id', '=', id);
  if (onlyIfActive) q = q.where('status', 'in', [...ACTIVE_STATUSES]);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface TrainingResultRecord {
  trainingId: number;
  raySubmissionId: string;
  snapshotId: string;
  chosenAlgorithm: string;
  modelClass: string;
  metrics: Record<string, unknown>;
  accuracy: number | null;
  preprocess: Record<string, unknown>;
  artifact: Record<string, unknown>;
  libraryVersions: Record<string, string>;
  config: Record<string, unknown>;
}

/** Stores a finished job's result once: a retried activity finds the preprocess record it created. */
export async function recordTrainingResult(db: Kysely<Database>, r: TrainingResultRecord): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const training = await trx
      .selectFrom('trainings')
      .select(['tenant_id', 'preprocess_id', 'config'])
      .where('id', '=', r.trainingId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    let preprocessId = training.preprocess_id;
    if (preprocessId == null) {
      const rec = await trx
        .insertInto('preprocess_records')
        .values({ tenant_id: training.tenant_id, training_id: r.trainingId, description: JSON.stringify(r.preprocess) })
        .returning('id')
        .executeTakeFirstOrThrow();
      preprocessId = rec.id;
    }
    await trx
      .updateTable('trainings')
      .set({
        status: 'Completed',
        error: null,
        ray_submission_id: r.raySubmissionId,
        snapshot_id: r.snapshotId,
        chosen_algorithm: r.chosenAlgorithm,
        model_class: r.modelClass,
        metrics: JSON.stringify(r.metrics),
        accuracy: r.accuracy,
        preprocess_id: preprocessId,
        artifact: JSON.stringify(r.artifact),
        library_versions: JSON.stringify(r.libraryVersions),
        config: JSON.stringify({ ...(training.config as Record<string, unknown>), resolved: r.config }),
        modified_at: new Date(),
      })
      .where('id', '=', r.trainingId)
      .execute();
    return Number(preprocessId);
  });
}

export async function findPreprocessRecord(db: Db, tenantId: string, id: number) {
  return db.selectFrom('preprocess_records').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function setPreprocessId(db: Db, tenantId: string, trainingId: number, preprocessId: number) {
  await db
    .updateTable('trainings')
    .set({ preprocess_id: preprocessId, modified_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', trainingId)
    .execute();
}

/** Deletes a training, its preprocess records, and its predictor when no version is left. */
export async function deleteTraining(db: Kysely<Database>, tenantId: string, id: number) {
  await db.transaction().execute(async (trx) => {
    const t = await trx
      .selectFrom('trainings')
      .select(['predictor_id'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!t) return;
    await trx.updateTable('trainings').set({ preprocess_id: null }).where('id', '=', id).execute();
    await trx.deleteFrom('preprocess_records').where('training_id', '=', id).execute();
    await trx.deleteFrom('trainings').where('id', '=', id).execute();
    const left = await trx.selectFrom('trainings').select('id').where('predictor_id', '=', t.predictor_id).limit(1).executeTakeFirst();
    if (!left) await trx.deleteFrom('predictors').where('id', '=', t.predictor_id).execute();
  });
}

export async function setShap(
  db: Db,
  id: number,
  s: { status: string; workflowId?: string | null; result?: Record<string, number> | null; error?: string | null },
) {
  await db
    .updateTable('trainings')
    .set({
      shap_status: s.status,
      modified_at: new Date(),
      ...(s.workflowId !== undefined ? { shap_workflow_id: s.workflowId } : {}),
      ...(s.result !== undefined ? { shap_result: s.result === null ? null : JSON.stringify(s.result) } : {}),
      ...(s.error !== undefined ? { shap_error: s.error } : {}),
    } as never)
    .where('id', '=', id)
    .execute();
}

/** The ONNX fields of a version's artifact record (onnx_key, onnx, onnx_reason, onnx_status), the rest kept. */
export async function setOnnx(db: Db, id: number, onnx: Record<string, unknown>) {
  await db
    .updateTable('trainings')
    .set({ artifact: sql`coalesce(artifact, '{}'::jsonb) || ${JSON.stringify(onnx)}::jsonb`, modified_at: new Date() } as never)
    .where('id', '=', id)
    .execute();
}

/** SHAP states 8.10 answers with the existing job instead of starting another. */
export const SHAP_REUSABLE_STATUSES = ['Submitted', 'Running', 'Completed'] as const;

/**
 * Records a new SHAP job for the training unless one is running or done (atomically, so that concurrent 8.10
 * calls start one job). true when claimed; false when another job is there (read it back).
 */
export async function claimShap(db: Db, id: number, workflowId: string): Promise<boolean> {
  const r = await db
    .updateTable('trainings')
    .set({ shap_status: 'Submitted', shap_workflow_id: workflowId, shap_error: null, modified_at: new Date() } as never)
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('shap_status', 'is', null), eb('shap_status', 'not in', [...SHAP_REUSABLE_STATUSES]), eb('shap_workflow_id', 'is', null)]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Forgets a training's feature importance (8.12). */
export async function clearShap(db: Db, id: number) {
  await db
    .updateTable('trainings')
    .set({ shap_status: null, shap_result: null, shap_error: null, shap_workflow_id: null, modified_at: new Date() } as never)
    .where('id', '=', id)
    .execute();
}

/** A dataset as training needs it: its row, the template version's columns, and the snapshots of its valid files. */
export async function datasetForTraining(db: Db, tenantId: string, datasetId: number) {
  const d = await db
    .selectFrom('datasets')
    .select(['id', 'dataset_name', 'usage', 'is_valid', 'template_id', 'template_version', 'iceberg_table_name', 'valid_rows'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', datasetId)
    .executeTakeFirst();
  if (!d) return undefined;
  const version =
    d.template_id != null && d.template_version != null
      ? await db
          .selectFrom('template_versions')
          .select(['template_schema'])
          .where('template_id', '=', d.template_id)
          .where('version', '=', d.template_version)
          .executeTakeFirst()
      : undefined;
  const files = await db
    .selectFrom('dataset_files')
    .select(['id', 'status', 'snapshot_id'])
    .where('dataset_id', '=', datasetId)
    .orderBy('id')
    .execute();
  return {
    ...d,
    schema: (version?.template_schema ?? []) as Array<{
      column_name: string;
      data_type: string;
      default_value: string | null;
      nullable: boolean;
    }>,
    fileSnapshotIds: files.filter((f) => f.status === 'valid' && f.snapshot_id).map((f) => f.snapshot_id!),
  };
}

/** A job of the tenant by its Ray submission id (12.1), from the jobs every workflow records. */
export async function findJobByRaySubmission(db: Db, tenantId: string, submissionId: string) {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('ray_submission_id', '=', submissionId)
    .executeTakeFirst();
}

/** Whether a batch prediction or forecast of the model is still running (8.5 answers 409 then). */
export async function predictionRunning(db: Db, trainingId: number): Promise<boolean> {
  const r = await db
    .selectFrom('predictions')
    .select('id')
    .where('training_id', '=', trainingId)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
