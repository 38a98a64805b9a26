import { createRouter } from '../../openapi-hono.js';
import * as h from './drift.handlers.js';
import * as r from './drift.routes.js';

export const driftRouter = createRouter();
driftRouter
  .openapi(r.createDriftRun, h.createDriftRunHandler)
  .openapi(r.listDriftRuns, h.listDriftRunsHandler)
  .openapi(r.getDriftRun, h.getDriftRunHandler)
  .openapi(r.createDriftSchedule, h.createDriftScheduleHandler)
  .openapi(r.listDriftSchedules, h.listDriftSchedulesHandler)
  .openapi(r.getDriftSchedule, h.getDriftScheduleHandler)
  .openapi(r.pauseDriftSchedule, h.pauseDriftScheduleHandler)
  .openapi(r.resumeDriftSchedule, h.resumeDriftScheduleHandler)
  .openapi(r.triggerDriftSchedule, h.triggerDriftScheduleHandler)
  .openapi(r.deleteDriftSchedule, h.deleteDriftScheduleHandler);
