// Scheduled retraining (issue 15): a tenant's schedules are Temporal Schedules (timing, paused state, overlap) whose
// action is scheduledRetrainWorkflow; Postgres keeps what they retrain, their runs and who changed them.
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType, type TypedSearchAttributes } from '@temporalio/common';
import { PERMISSIONS } from '../../contracts/permissions.js';
import type { CreateScheduleBody, ScheduledRetrainInput } from '../../contracts/retrain-schedules.js';
import { SEARCH_ATTRIBUTES } from '../../contracts/workflows.js';
import * as repo from '../../db/repositories/retrain-schedules.js';
import { findPredictorByName, latestTrainingsOfPredictor } from '../../db/repositories/train.js';
import type { AppDeps, Principal } from '../deps.js';
import { conflict, forbidden, notFound, unprocessable } from '../errors.js';
import { unavailableDependency } from '../dependency-errors.js';

/** Temporal ids are global: the tenant is part of the schedule's id and of its runs' workflow ids. */
const temporalScheduleId = (tenantId: string, name: string) => `retrain-${tenantId}-${name}`;

async function ownSchedule(deps: AppDeps, tenantId: string, name: string) {
  const s = await repo.findSchedule(deps.db, tenantId, name);
  if (!s) throw notFound(`Retraining schedule "${name}"`);
  return s;
}

/** Paused and next firing from Temporal; unknown (null) when Temporal cannot say, so a list never fails on it. */
async function temporalState(deps: AppDeps, s: repo.ScheduleRecord) {
  try {
    const d = await deps.temporal.schedule.getHandle(s.temporal_schedule_id).describe();
    const next = d.info.nextActionTimes[0];
    return { paused: d.state.paused, next_run_at: d.state.paused || !next ? null : next.toISOString() };
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError) && !unavailableDependency(err)) throw err;
    return { paused: null, next_run_at: null };
  }
}

async function view(deps: AppDeps, s: repo.ScheduleRecord) {
  return {
    name: s.name,
    predictor_name: s.predictor_name,
    mode: s.mode as 'full' | 'incremental',
    interval_seconds: s.interval_seconds,
    cron: s.cron,
    promote_alias: s.promote_alias,
    note: s.note,
    schedule_id: s.temporal_schedule_id,
    ...(await temporalState(deps, s)),
    created_by: s.created_by,
    created_at: s.created_at.toISOString(),
  };
}

export async function createSchedule(deps: AppDeps, principal: Principal, body: CreateScheduleBody) {
  const { tenantId, username } = principal;
  // Promoting moves an alias: whoever sets that up needs the alias permission too.
  if (body.promote_alias && !principal.permissions.has(PERMISSIONS.manageAliases))
    throw forbidden(`promote_alias needs the ${PERMISSIONS.manageAliases} permission`, { permission: PERMISSIONS.manageAliases });
  const predictor = await findPredictorByName(deps.db, tenantId, body.predictor_name);
  if (!predictor) throw notFound(`Predictor "${body.predictor_name}"`);
  if (!(await latestTrainingsOfPredictor(deps.db, predictor.id)).completed)
    throw conflict(`Predictor "${predictor.predictor_name}" has no completed version to retrain`);
  if (await repo.findSchedule(deps.db, tenantId, body.name)) throw conflict(`A retraining schedule named "${body.name}" exists`);
  const scheduleId = temporalScheduleId(tenantId, body.name);
  const key = (name: string) => defineSearchAttributeKey(name, SearchAttributeType.KEYWORD);
  try {
    // The row and the Temporal Schedule together: a Temporal refusal rolls the row back.
    const row = await deps.db.transaction().execute(async (trx) => {
      const s = await repo.insertSchedule(trx, {
        tenantId,
        name: body.name,
        predictorId: predictor.id,
        mode: body.mode,
        intervalSeconds: body.interval_seconds ?? null,
        cron: body.cron ?? null,
        promoteAlias: body.promote_alias ?? null,
        note: body.note ?? null,
        temporalScheduleId: scheduleId,
        username,
      });
      await repo.addEvent(trx, { tenantId, scheduleName: body.name, action: 'create', username });
      const args: [ScheduledRetrainInput] = [{ tenantId, scheduleId: s.id }];
      await deps.temporal.schedule.create({
        scheduleId,
        spec: body.cron ? { cronExpressions: [body.cron] } : { intervals: [{ every: body.interval_seconds! * 1000 }] },
        action: {
          type: 'startWorkflow',
          workflowType: 'scheduledRetrainWorkflow',
          // Temporal appends the firing time: retrain-<tenant>-<name>-<time>.
          workflowId: scheduleId,
          taskQueue: deps.config.temporal.taskQueue,
          args,
          typedSearchAttributes: [
            { key: key(SEARCH_ATTRIBUTES.kind), value: 'retrain' },
            { key: key(SEARCH_ATTRIBUTES.tenantId), value: tenantId },
            { key: key(SEARCH_ATTRIBUTES.resourceId), value: String(predictor.id) },
          ] as unknown as TypedSearchAttributes,
        },
        // A run that is still training when the next one is due: the next one is skipped, not queued.
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
        state: { paused: body.paused, note: body.note ?? `retrains ${predictor.predictor_name} (${body.mode})` },
      });
      return s;
    });
    deps.log.info({ scheduleId, predictor: predictor.predictor_name }, 'retraining schedule created');
    return view(deps, { ...row, predictor_name: predictor.predictor_name });
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) throw conflict(`A retraining schedule named "${body.name}" exists`);
    // The server parses the cron; the client turns its "Invalid schedule spec" refusal into a TypeError.
    if (body.cron && err instanceof TypeError)
      throw unprocessable(`cron: ${err.message}`, [{ path: 'cron', message: err.message, code: 'invalid' }]);
    if ((err as { code?: string }).code === '23505') throw conflict(`A retraining schedule named "${body.name}" exists`);
    throw err;
  }
}

export async function listSchedules(deps: AppDeps, tenantId: string) {
  const rows = await repo.listSchedules(deps.db, tenantId);
  return { data: await Promise.all(rows.map((s) => view(deps, s))) };
}

export async function scheduleDetail(deps: AppDeps, tenantId: string, name: string) {
  const s = await ownSchedule(deps, tenantId, name);
  const [runs, events] = await Promise.all([repo.listRuns(deps.db, tenantId, s.id), repo.listEvents(deps.db, tenantId, name)]);
  return {
    ...(await view(deps, s)),
    runs: runs.map((r) => ({
      id: r.id,
      workflow_id: r.workflow_id,
      train_id: r.training_id,
      version: r.version,
      status: r.status as 'Running' | 'Completed' | 'Failed',
      error: r.error,
      promotion: r.promotion,
      started_at: r.started_at.toISOString(),
      finished_at: r.finished_at?.toISOString() ?? null,
    })),
    history: events.map((e) => ({ action: e.action, username: e.username, created_at: e.created_at.toISOString() })),
  };
}

const ACTIONS = {
  pause: { message: 'Paused: no run starts until it is resumed.' },
  resume: { message: 'Resumed.' },
  trigger: { message: 'A run starts now (skipped if one is still running).' },
} as const;

/** Pause, resume or trigger now, recorded with who and when. */
export async function scheduleAction(deps: AppDeps, principal: Principal, name: string, action: keyof typeof ACTIONS) {
  const s = await ownSchedule(deps, principal.tenantId, name);
  const handle = deps.temporal.schedule.getHandle(s.temporal_schedule_id);
  try {
    if (action === 'pause') await handle.pause(`paused by ${principal.username}`);
    else if (action === 'resume') await handle.unpause(`resumed by ${principal.username}`);
    else await handle.trigger(ScheduleOverlapPolicy.SKIP);
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) throw notFound(`Retraining schedule "${name}"`);
    throw err;
  }
  await repo.addEvent(deps.db, { tenantId: principal.tenantId, scheduleName: name, action, username: principal.username });
  return { name, message: ACTIONS[action].message };
}

/** Deletes the Temporal Schedule (a run in progress finishes) and the schedule's rows; the audit trail stays. */
export async function deleteSchedule(deps: AppDeps, principal: Principal, name: string) {
  const s = await ownSchedule(deps, principal.tenantId, name);
  try {
    await deps.temporal.schedule.getHandle(s.temporal_schedule_id).delete();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
  await deps.db.transaction().execute(async (trx) => {
    await repo.deleteSchedule(trx, principal.tenantId, s.id);
    await repo.addEvent(trx, { tenantId: principal.tenantId, scheduleName: name, action: 'delete', username: principal.username });
  });
  return { name, message: 'Deleted.' };
}
