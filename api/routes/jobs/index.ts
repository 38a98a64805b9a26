import { createRouter } from '../../openapi-hono.js';
import { cancelJobHandler, getJobHandler, listJobsHandler } from './jobs.handlers.js';
import { cancelJob, getJob, listJobs } from './jobs.routes.js';

export const jobsRouter = createRouter()
  .openapi(listJobs, listJobsHandler)
  .openapi(getJob, getJobHandler)
  .openapi(cancelJob, cancelJobHandler);
