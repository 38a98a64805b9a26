// Predictions (issue 6). Every read is scoped by tenant; real-time predictions are counted per minute (upsert).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.js';
import { type Page, windowById } from './paging.js';
import type { PredictionType } from '../tables/inference.js';

type Db = Kysely<Database> | Transaction<Database>;

export const ACTIVE_PREDICTION_STATUSES = ['Submitted', 'Running'] as const;

/** What every prediction records about the model it used (traceability). */
export interface ModelTrace {
  tenantId: string;
  trainingId: number;
  modelVersion: number;
  preprocessId: number | null;
  trainSnapshotId: string | null;
  modelKey: string | null;
}

/** The job columns of a prediction row that no job has written to (yet). */
const NO_JOB_YET = {
  result_path: null,
  csv_key: null,
  output_table: null,
  workflow_id: null,
  ray_submission_id: null,
  error: null,
} as const;

export async function insertPrediction(
  db: Db,
  p: ModelTrace & {
    type: PredictionType;
    datasetId: number | null;
    inputData: string;
    status: string;
    username: string;
    noOfRecords?: number | null;
    serving?: string | null;
  },
) {
  return db
    .insertInto('predictions')
    .values({
      tenant_id: p.tenantId,
      training_id: p.trainingId,
      prediction_type: p.type,
      model_version: p.modelVersion,
      preprocess_id: p.preprocessId,
      train_snapshot_id: p.trainSnapshotId,
      model_key: p.modelKey,
      dataset_id: p.datasetId,
      input_snapshot_id: null,
      input_data: p.inputData,
      status: p.status,
      no_of_records: p.noOfRecords ?? null,
      minute: null,
      serving: p.serving ?? null,
      ...NO_JOB_YET,
      created_by: p.username,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setWorkflowId(db: Db, id: number, workflowId: string) {
  await db.updateTable('predictions').set({ workflow_id: workflowId, modified_at: new Date() }).where('id', '=', id).execute();
}

/** Moves a prediction on; a finished one (Completed/Failed/Cancelled) is never moved back. */
export async function setPredictionStatus(
  db: Db,
  id: number,
  change: {
    status: string;
    error?: string | null;
    raySubmissionId?: string | null;
    noOfRecords?: number | null;
    inputSnapshotId?: string | null;
    resultPath?: string | null;
    csvKey?: string | null;
    outputTable?: string | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('predictions')
    .set({
      status: change.status,
      modified_at: new Date(),
      ...(change.error !== undefined ? { error: change.error } : {}),
      ...(change.raySubmissionId !== undefined ? { ray_submission_id: change.raySubmissionId } : {}),
      ...(change.noOfRecords !== undefined ? { no_of_records: change.noOfRecords } : {}),
      ...(change.inputSnapshotId !== undefined ? { input_snapshot_id: change.inputSnapshotId } : {}),
      ...(change.resultPath !== undefined ? { result_path: change.resultPath } : {}),
      ...(change.csvKey !== undefined ? { csv_key: change.csvKey } : {}),
      ...(change.outputTable !== undefined ? { output_table: change.outputTable } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', [...ACTIVE_PREDICTION_STATUSES])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findPrediction(db: Db, tenantId: string, id: number) {
  return (
    db
      .selectFrom('predictions as pr')
      .leftJoin('jobs as j', 'j.workflow_id', 'pr.workflow_id')
      .selectAll('pr')
      // The workflow records Running in `jobs` as soon as its Ray job is submitted.
      .select(
        sql<string>`case when pr.status = 'Submitted' and j.status = 'Running' then 'Running' else pr.status end`.as('effective_status'),
      )
      .where('pr.tenant_id', '=', tenantId)
      .where('pr.id', '=', id)
      .executeTakeFirst()
  );
}

/** Makes a batch prediction's gold table visible to its tenant in the datalake endpoints (11.x). */
export async function registerOutputTable(db: Db, tenantId: string, namespace: string, table: string, username: string) {
  await db
    .insertInto('datalake_tables')
    .values({ namespace, table_name: table, tenant_id: tenantId, dataset_id: null, created_by: username })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** 9.6: every prediction of a model, with the model's name, problem type, domain and headline metric. */
/** One page of a model's predictions and how many it has. */
export async function listPredictionsOfTraining(db: Db, tenantId: string, trainingId: number, page: Page) {
  const q = db
    .selectFrom('predictions as pr')
    .innerJoin('trainings as t', 't.id', 'pr.training_id')
    .innerJoin('predictors as p', 'p.id', 't.predictor_id')
    .selectAll('pr')
    .leftJoin('jobs as j', 'j.workflow_id', 'pr.workflow_id')
    .select(['p.predictor_name', 'p.domain', 't.problem_type', 't.accuracy'])
    .select(
      sql<string>`case when pr.status = 'Submitted' and j.status = 'Running' then 'Running' else pr.status end`.as('effective_status'),
    )
    .where('pr.tenant_id', '=', tenantId)
    .where('pr.training_id', '=', trainingId);
  const [n, rows] = await Promise.all([
    db
      .selectFrom('predictions')
      .where('tenant_id', '=', tenantId)
      .where('training_id', '=', trainingId)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    windowById(q, 'pr.id', page).execute(),
  ]);
  return { total: Number(n.n), rows };
}

export interface RealtimeCount extends ModelTrace {
  minute: Date;
  username: string;
  serving: string;
  count: number;
}

/** Adds real-time prediction counts: one upsert for many (model, preprocess record, user, minute) counters. */
export async function addRealtimeCounts(db: Db, counts: RealtimeCount[]): Promise<void> {
  if (!counts.length) return;
  await db
    .insertInto('predictions')
    .values(
      counts.map((c) => ({
        tenant_id: c.tenantId,
        training_id: c.trainingId,
        prediction_type: 'realtime' as const,
        model_version: c.modelVersion,
        preprocess_id: c.preprocessId,
        train_snapshot_id: c.trainSnapshotId,
        model_key: c.modelKey,
        dataset_id: null,
        input_snapshot_id: null,
        input_data: `realtime:${c.minute.toISOString().slice(0, 16)}Z`,
        status: 'Completed',
        no_of_records: c.count,
        minute: c.minute,
        serving: c.serving,
        ...NO_JOB_YET,
        created_by: c.username,
      })),
    )
    .onConflict((oc) =>
      oc
        .expression(sql`training_id, prediction_type, coalesce(preprocess_id, 0), created_by, minute`)
        .where('minute', 'is not', null)
        .doUpdateSet({ no_of_records: sql`predictions.no_of_records + excluded.no_of_records`, modified_at: new Date() }),
    )
    .execute();
}
