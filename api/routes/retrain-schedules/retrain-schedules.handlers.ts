import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import * as schedules from '../../services/retrain-schedules.js';
import type * as r from './retrain-schedules.routes.js';

export const createScheduleHandler: RouteHandler<typeof r.createSchedule, AuthedEnv> = async (c) =>
  c.json(await schedules.createSchedule(c.get('deps'), c.get('principal'), c.req.valid('json')), 201);

export const listSchedulesHandler: RouteHandler<typeof r.listSchedules, AuthedEnv> = async (c) =>
  c.json(await schedules.listSchedules(c.get('deps'), c.get('principal').tenantId), 200);

export const getScheduleHandler: RouteHandler<typeof r.getSchedule, AuthedEnv> = async (c) =>
  c.json(await schedules.scheduleDetail(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').schedule_name), 200);

const act =
  (verb: 'pause' | 'resume' | 'trigger'): RouteHandler<typeof r.pauseSchedule, AuthedEnv> =>
  async (c) =>
    c.json(await schedules.scheduleAction(c.get('deps'), c.get('principal'), c.req.valid('param').schedule_name, verb), 200);

export const pauseScheduleHandler = act('pause');
export const resumeScheduleHandler = act('resume');
export const triggerScheduleHandler = act('trigger');

export const deleteScheduleHandler: RouteHandler<typeof r.deleteSchedule, AuthedEnv> = async (c) =>
  c.json(await schedules.deleteSchedule(c.get('deps'), c.get('principal'), c.req.valid('param').schedule_name), 200);
