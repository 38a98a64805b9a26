// Retraining schedules, their runs and their audit trail. Every read is scoped by tenant (the worker's reads by the
// schedule's own id, which it got from the schedule's Temporal action).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.js';
import type { PromotionRecord } from '../tables/lifecycle.js';

type Db = Kysely<Database> | Transaction<Database>;

const scheduleColumns = (db: Db) =>
  db.selectFrom('retrain_schedules as s').innerJoin('predictors as p', 'p.id', 's.predictor_id').selectAll('s').select('p.predictor_name');

export type ScheduleRecord = NonNullable<Awaited<ReturnType<typeof findSchedule>>>;

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
    mode: string;
    intervalSeconds: number | null;
    cron: string | null;
    promoteAlias: string | null;
    note: string | null;
    temporalScheduleId: string;
    username: string;
  },
) {
  return db
    .insertInto('retrain_schedules')
    .values({
      tenant_id: s.tenantId,
      name: s.name,
      predictor_id: s.predictorId,
      mode: s.mode,
      interval_seconds: s.intervalSeconds,
      cron: s.cron,
      promote_alias: s.promoteAlias,
      note: s.note,
      temporal_schedule_id: s.temporalScheduleId,
      created_by: s.username,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteSchedule(db: Db, tenantId: string, id: number) {
  await db.deleteFrom('retrain_schedules').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function addEvent(db: Db, e: { tenantId: string; scheduleName: string; action: string; username: string }) {
  await db
    .insertInto('retrain_schedule_events')
    .values({ tenant_id: e.tenantId, schedule_name: e.scheduleName, action: e.action, username: e.username })
    .execute();
}

export async function listEvents(db: Db, tenantId: string, scheduleName: string) {
  return db
    .selectFrom('retrain_schedule_events')
    .select(['action', 'username', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('schedule_name', '=', scheduleName)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

export async function findRunByWorkflow(db: Db, workflowId: string, lock = false) {
  const q = db.selectFrom('retrain_runs').selectAll().where('workflow_id', '=', workflowId);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertRun(
  db: Db,
  r: {
    tenantId: string;
    scheduleId: number;
    workflowId: string;
    trainingId: number | null;
    status: string;
    error?: string;
  },
) {
  return db
    .insertInto('retrain_runs')
    .values({
      tenant_id: r.tenantId,
      schedule_id: r.scheduleId,
      workflow_id: r.workflowId,
      training_id: r.trainingId,
      status: r.status,
      error: r.error ?? null,
      finished_at: r.status === 'Running' ? null : new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setRunInput(db: Db, workflowId: string, input: unknown) {
  await db
    .updateTable('retrain_runs')
    .set({ train_input: JSON.stringify(input) })
    .where('workflow_id', '=', workflowId)
    .execute();
}

export async function finishRun(
  db: Db,
  workflowId: string,
  f: { status: 'Completed' | 'Failed'; error?: string | null; promotion?: PromotionRecord | null },
) {
  await db
    .updateTable('retrain_runs')
    .set({
      status: f.status,
      error: f.error ?? null,
      promotion: f.promotion ? JSON.stringify(f.promotion) : null,
      finished_at: new Date(),
    })
    .where('workflow_id', '=', workflowId)
    .execute();
}

export async function listRuns(db: Db, tenantId: string, scheduleId: number) {
  return db
    .selectFrom('retrain_runs as r')
    .leftJoin('trainings as t', 't.id', 'r.training_id')
    .selectAll('r')
    .select('t.version')
    .where('r.tenant_id', '=', tenantId)
    .where('r.schedule_id', '=', scheduleId)
    .orderBy('r.id', 'desc')
    .limit(100)
    .execute();
}
