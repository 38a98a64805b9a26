// Drift runs, scheduled drift checks and the buffer of sampled real-time inputs. Reads are scoped by tenant (the
// worker's by the run's or schedule's own id, which it got from its workflow's input).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.js';
import type { DriftParams } from '../tables/drift.js';

type Db = Kysely<Database> | Transaction<Database>;

export type DriftRunRecord = NonNullable<Awaited<ReturnType<typeof findRun>>>;

export async function insertRun(
  db: Db,
  r: {
    tenantId: string;
    trainingId: number | null;
    modelRef: string;
    source: 'dataset' | 'realtime';
    datasetId: number | null;
    params: DriftParams;
    username: string;
    scheduleId?: number;
    scheduleWorkflowId?: string;
    status?: string;
    error?: string;
  },
) {
  return db
    .insertInto('drift_runs')
    .values({
      tenant_id: r.tenantId,
      training_id: r.trainingId,
      model_ref: r.modelRef,
      source: r.source,
      dataset_id: r.datasetId,
      params: JSON.stringify(r.params),
      created_by: r.username,
      schedule_id: r.scheduleId ?? null,
      schedule_workflow_id: r.scheduleWorkflowId ?? null,
      status: r.status ?? 'Submitted',
      error: r.error ?? null,
      finished_at: r.status === 'Failed' ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setRunWorkflow(db: Db, id: number, workflowId: string) {
  await db.updateTable('drift_runs').set({ workflow_id: workflowId }).where('id', '=', id).execute();
}

/** Runs with the name of the schedule that started them (null for on-demand runs). */
const runColumns = (db: Db) =>
  db
    .selectFrom('drift_runs as r')
    .leftJoin('drift_schedules as s', 's.id', 'r.schedule_id')
    .selectAll('r')
    .select('s.name as schedule_name');

export async function findRun(db: Db, tenantId: string, id: number) {
  return runColumns(db).where('r.tenant_id', '=', tenantId).where('r.id', '=', id).executeTakeFirst();
}

/** The worker's read, by the id its workflow input carries. */
export async function findRunById(db: Db, id: number) {
  return runColumns(db).where('r.id', '=', id).executeTakeFirst();
}

export async function findRunByScheduleWorkflow(db: Db, scheduleWorkflowId: string) {
  return db.selectFrom('drift_runs').selectAll().where('schedule_workflow_id', '=', scheduleWorkflowId).executeTakeFirst();
}

export async function listRuns(db: Db, tenantId: string, f: { trainingId?: number; scheduleId?: number; limit: number }) {
  let q = runColumns(db).where('r.tenant_id', '=', tenantId);
  if (f.trainingId !== undefined) q = q.where('r.training_id', '=', f.trainingId);
  if (f.scheduleId !== undefined) q = q.where('r.schedule_id', '=', f.scheduleId);
  return q.orderBy('r.id', 'desc').limit(f.limit).execute();
}

/** Running, unless the run already ended (a late retry does not reopen it). */
export async function markRunning(db: Db, id: number) {
  await db.updateTable('drift_runs').set({ status: 'Running' }).where('id', '=', id).where('status', '=', 'Submitted').execute();
}

export async function finishRun(
  db: Db,
  id: number,
  f: { status: 'Completed' | 'Failed' | 'Cancelled'; error?: string | null; result?: Record<string, unknown>; driftDetected?: boolean },
) {
  await db
    .updateTable('drift_runs')
    .set({
      status: f.status,
      error: f.error ?? null,
      result: f.result ? JSON.stringify(f.result) : null,
      drift_detected: f.driftDetected ?? null,
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', 'in', ['Submitted', 'Running'])
    .execute();
}

// ---- sampled real-time inputs ----

export async function addSamples(
  db: Db,
  rows: Array<{ tenantId: string; trainingId: number; features: Record<string, unknown>; sampledAt: Date }>,
) {
  if (!rows.length) return;
  await db
    .insertInto('drift_samples')
    .values(
      rows.map((r) => ({
        tenant_id: r.tenantId,
        training_id: r.trainingId,
        features: JSON.stringify(r.features),
        sampled_at: r.sampledAt,
      })),
    )
    .execute();
}

/**
 * The samples of the version this run flushes: those it claimed on an earlier attempt, else up to `limit` not
 * claimed by any run (claimed now, so that two runs never flush the same rows).
 */
export async function claimSamples(db: Kysely<Database>, runId: number, trainingId: number, limit: number) {
  const mine = () =>
    db
      .selectFrom('drift_samples')
      .select(['id', 'features', 'sampled_at'])
      .where('training_id', '=', trainingId)
      .where('run_id', '=', runId)
      .orderBy('id')
      .execute();
  const claimed = await mine();
  if (claimed.length) return claimed;
  await sql`
    UPDATE drift_samples SET run_id = ${runId}
    WHERE id IN (
      SELECT id FROM drift_samples WHERE training_id = ${trainingId} AND run_id IS NULL
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)`.execute(db);
  return mine();
}

/** After the run: its flushed samples go (they are in the gold table), or a failed run's go back to the buffer. */
export async function settleSamples(db: Db, runId: number, flushed: boolean) {
  if (flushed) await db.deleteFrom('drift_samples').where('run_id', '=', runId).execute();
  else await db.updateTable('drift_samples').set({ run_id: null }).where('run_id', '=', runId).execute();
}

// ---- schedules ----

const scheduleColumns = (db: Db) =>
  db.selectFrom('drift_schedules as s').innerJoin('predictors as p', 'p.id', 's.predictor_id').selectAll('s').select('p.predictor_name');

export type DriftScheduleRecord = NonNullable<Awaited<ReturnType<typeof findSchedule>>>;

export async function findSchedule(db: Db, tenantId: string, name: string) {
  return scheduleColumns(db).where('s.tenant_id', '=', tenantId).where('s.name', '=', name).executeTakeFirst();
}

export async function findScheduleById(db: Db, tenantId: string, id: number) {
  return scheduleColumns(db).where('s.tenant_id', '=', tenantId).where('s.id', '=', id).executeTakeFirst();
}

export async function listSchedules(db: Db, tenantId: string) {
  return scheduleColumns(db).where('s.tenant_id', '=', tenantId).orderBy('s.name').execute();
}

export async function insertSchedule(
  db: Db,
  s: {
    tenantId: string;
    name: string;
    predictorId: number;
    modelRef: string;
    datasetId: number | null;
    params: DriftParams;
    intervalSeconds: number | null;
    cron: string | null;
    temporalScheduleId: string;
    username: string;
  },
) {
  return db
    .insertInto('drift_schedules')
    .values({
      tenant_id: s.tenantId,
      name: s.name,
      predictor_id: s.predictorId,
      model_ref: s.modelRef,
      dataset_id: s.datasetId,
      params: JSON.stringify(s.params),
      interval_seconds: s.intervalSeconds,
      cron: s.cron,
      temporal_schedule_id: s.temporalScheduleId,
      created_by: s.username,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteSchedule(db: Db, tenantId: string, id: number) {
  await db.deleteFrom('drift_schedules').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
