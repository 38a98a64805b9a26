import { createRouter } from '../../openapi-hono.js';
import * as h from './retrain-schedules.handlers.js';
import * as r from './retrain-schedules.routes.js';

export const retrainSchedulesRouter = createRouter();
retrainSchedulesRouter
  .openapi(r.createSchedule, h.createScheduleHandler)
  .openapi(r.listSchedules, h.listSchedulesHandler)
  .openapi(r.getSchedule, h.getScheduleHandler)
  .openapi(r.pauseSchedule, h.pauseScheduleHandler)
  .openapi(r.resumeSchedule, h.resumeScheduleHandler)
  .openapi(r.triggerSchedule, h.triggerScheduleHandler)
  .openapi(r.deleteSchedule, h.deleteScheduleHandler);
