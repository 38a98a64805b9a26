import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import * as drift from '../../services/drift.js';
import * as schedules from '../../services/drift-schedules.js';
import type * as r from './drift.routes.js';

export const createDriftRunHandler: RouteHandler<typeof r.createDriftRun, AuthedEnv> = async (c) =>
  c.json(await drift.startDriftRun(c.get('deps'), c.get('principal'), c.req.valid('json')), 202);

export const listDriftRunsHandler: RouteHandler<typeof r.listDriftRuns, AuthedEnv> = async (c) =>
  c.json(await drift.listDriftRuns(c.get('deps'), c.get('principal').tenantId, c.req.valid('query').train_id), 200);

export const getDriftRunHandler: RouteHandler<typeof r.getDriftRun, AuthedEnv> = async (c) =>
  c.json(await drift.driftRun(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').drift_run_id), 200);

export const createDriftScheduleHandler: RouteHandler<typeof r.createDriftSchedule, AuthedEnv> = async (c) =>
  c.json(await schedules.createDriftSchedule(c.get('deps'), c.get('principal'), c.req.valid('json')), 201);

export const listDriftSchedulesHandler: RouteHandler<typeof r.listDriftSchedules, AuthedEnv> = async (c) =>
  c.json(await schedules.listDriftSchedules(c.get('deps'), c.get('principal').tenantId), 200);

export const getDriftScheduleHandler: RouteHandler<typeof r.getDriftSchedule, AuthedEnv> = async (c) =>
  c.json(await schedules.driftScheduleDetail(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').schedule_name), 200);

const act =
  (verb: 'pause' | 'resume' | 'trigger'): RouteHandler<typeof r.pauseDriftSchedule, AuthedEnv> =>
  async (c) =>
    c.json(await schedules.driftScheduleAction(c.get('deps'), c.get('principal'), c.req.valid('param').schedule_name, verb), 200);

export const pauseDriftScheduleHandler = act('pause');
export const resumeDriftScheduleHandler = act('resume');
export const triggerDriftScheduleHandler = act('trigger');

export const deleteDriftScheduleHandler: RouteHandler<typeof r.deleteDriftSchedule, AuthedEnv> = async (c) =>
  c.json(await schedules.deleteDriftSchedule(c.get('deps'), c.get('principal'), c.req.valid('param').schedule_name), 200);
