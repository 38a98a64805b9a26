// Scheduled drift checks (issue 15): a Temporal Schedule per (tenant, name) whose action is scheduledDriftWorkflow,
// the same pattern as the retraining schedules (api/services/retrain-schedules.ts); Postgres keeps what it checks.
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import type { TypedSearchAttributes } from '@temporalio/common';
import type { CreateDriftScheduleBody, ScheduledDriftInput } from '../../contracts/drift.js';
import * as repo from '../../db/repositories/drift.js';
import type { AppDeps, Principal } from '../deps.js';
import { unavailableDependency } from '../dependency-errors.js';
import { conflict, notFound, unprocessable } from '../errors.js';
import { jobSearchAttributes } from '../temporal/start-job.js';
import { checkDriftInputs, paramsOf, runSummary } from './drift.js';
import { resolveModelRef } from './model-aliases.js';

/** Temporal ids are global: the tenant is part of the schedule's id and of its firings' workflow ids. */
const temporalScheduleId = (tenantId: string, name: string) => `drift-check-${tenantId}-${name}`;

async function ownSchedule(deps: AppDeps, tenantId: string, name: string) {
  const s = await repo.findSchedule(deps.db, tenantId, name);
  if (!s) throw notFound(`Drift schedule "${name}"`);
  return s;
}

/** Paused and next firing from Temporal; unknown (null) when Temporal cannot say, so a list never fails on it. */
async function temporalState(deps: AppDeps, s: repo.DriftScheduleRecord) {
  try {
    const d = await deps.temporal.schedule.getHandle(s.temporal_schedule_id).describe();
    const next = d.info.nextActionTimes[0];
    return { paused: d.state.paused, next_run_at: d.state.paused || !next ? null : next.toISOString() };
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError) && !unavailableDependency(err)) throw err;
    return { paused: null, next_run_at: null };
  }
}

async function view(deps: AppDeps, s: repo.DriftScheduleRecord) {
  const state = await temporalState(deps, s);
  return {
    name: s.name,
    predictor_name: s.predictor_name,
    model_ref: s.model_ref,
    dataset_id: s.dataset_id,
    thresholds: s.params.thresholds,
    sample_rows: s.params.sample_rows,
    window_hours: s.params.window_hours,
    interval_seconds: s.interval_seconds,
    cron: s.cron,
    schedule_id: s.temporal_schedule_id,
    ...state,
    created_by: s.created_by,
    created_at: s.created_at.toISOString(),
  };
}

export async function createDriftSchedule(deps: AppDeps, principal: Principal, body: CreateDriftScheduleBody) {
  const { tenantId, username } = principal;
  // The version and dataset must pass a run's checks now; an alias is resolved again at each firing.
  const trainingId = await resolveModelRef(deps, tenantId, body.train_id);
  const t = await checkDriftInputs(deps.db, tenantId, trainingId, body.dataset_id);
  if (await repo.findSchedule(deps.db, tenantId, body.name)) throw conflict(`A drift schedule named "${body.name}" exists`);
  const scheduleId = temporalScheduleId(tenantId, body.name);
  try {
    const row = await deps.db.transaction().execute(async (trx) => {
      const s = await repo.insertSchedule(trx, {
        tenantId,
        name: body.name,
        predictorId: t.predictor_id,
        modelRef: String(body.train_id),
        datasetId: body.dataset_id ?? null,
        params: paramsOf(body),
        intervalSeconds: body.interval_seconds ?? null,
        cron: body.cron ?? null,
        temporalScheduleId: scheduleId,
        username,
      });
      const args: [ScheduledDriftInput] = [{ tenantId, scheduleId: s.id }];
      await deps.temporal.schedule.create({
        scheduleId,
        spec: body.cron ? { cronExpressions: [body.cron] } : { intervals: [{ every: body.interval_seconds! * 1000 }] },
        action: {
          type: 'startWorkflow',
          workflowType: 'scheduledDriftWorkflow',
          // Temporal appends the firing time.
          workflowId: scheduleId,
          taskQueue: deps.config.temporal.taskQueue,
          args,
          typedSearchAttributes: jobSearchAttributes({
            kind: 'drift_schedule',
            tenantId,
            resourceId: s.id,
          }) as unknown as TypedSearchAttributes,
        },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
        state: { paused: body.paused, note: `drift check of ${String(body.train_id)}` },
      });
      return s;
    });
    return view(deps, { ...row, predictor_name: t.predictor_name });
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) throw conflict(`A drift schedule named "${body.name}" exists`);
    if (body.cron && err instanceof TypeError)
      throw unprocessable(`cron: ${err.message}`, [{ path: 'cron', message: err.message, code: 'invalid' }]);
    if ((err as { code?: string }).code === '23505') throw conflict(`A drift schedule named "${body.name}" exists`);
    throw err;
  }
}

export async function listDriftSchedules(deps: AppDeps, tenantId: string) {
  const rows = await repo.listSchedules(deps.db, tenantId);
  return { data: await Promise.all(rows.map((s) => view(deps, s))) };
}

export async function driftScheduleDetail(deps: AppDeps, tenantId: string, name: string) {
  const s = await ownSchedule(deps, tenantId, name);
  const runs = await repo.listRuns(deps.db, tenantId, { scheduleId: s.id, limit: 100 });
  return { ...(await view(deps, s)), runs: runs.map(runSummary) };
}

const ACTIONS = {
  pause: 'Paused: no run starts until it is resumed.',
  resume: 'Resumed.',
  trigger: 'A run starts now (skipped if one is still running).',
} as const;

export async function driftScheduleAction(deps: AppDeps, principal: Principal, name: string, action: keyof typeof ACTIONS) {
  const s = await ownSchedule(deps, principal.tenantId, name);
  const handle = deps.temporal.schedule.getHandle(s.temporal_schedule_id);
  try {
    if (action === 'pause') await handle.pause(`paused by ${principal.username}`);
    else if (action === 'resume') await handle.unpause(`resumed by ${principal.username}`);
    else await handle.trigger(ScheduleOverlapPolicy.SKIP);
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) throw notFound(`Drift schedule "${name}"`);
    throw err;
  }
  return { name, message: ACTIONS[action] };
}

/** Deletes the Temporal Schedule (a run in progress finishes) and the schedule's row; its runs stay. */
export async function deleteDriftSchedule(deps: AppDeps, principal: Principal, name: string) {
  const s = await ownSchedule(deps, principal.tenantId, name);
  try {
    await deps.temporal.schedule.getHandle(s.temporal_schedule_id).delete();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
  await repo.deleteSchedule(deps.db, principal.tenantId, s.id);
  return { name, message: 'Deleted.' };
}
