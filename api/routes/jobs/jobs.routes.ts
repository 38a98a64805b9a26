import { ErrorResponse } from '../../../contracts/common.js';
import { CancelJobResponse, JobDetail, JobIdParams, ListJobsQuery, ListJobsResponse } from '../../../contracts/jobs.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { protectedRoute } from '../../auth/protected-route.js';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorResponse } } });
const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const listJobs = protectedRoute(PERMISSIONS.readJobs, {
  method: 'get',
  path: '/api/v1/jobs',
  tags: ['Jobs'],
  summary: 'List Jobs (not in the seed)',
  description: "The tenant's job workflows (validation, statistics, training, SHAP, batch prediction…), newest first.",
  request: { query: ListJobsQuery },
  responses: { 200: { description: 'One page of jobs and how many match', content: json(ListJobsResponse) } },
});

export const getJob = protectedRoute(PERMISSIONS.readJobs, {
  method: 'get',
  path: '/api/v1/jobs/{workflow_id}',
  tags: ['Jobs'],
  summary: 'Get Job with Progress (not in the seed)',
  description:
    "A job's status and, while it runs, its workflow's live progress (phase; percent where the workflow can tell). " +
    'Poll it to follow a job: the workflow id is in the response that started the job (6.1, 6.7, 7.1, 8.1).',
  request: { params: JobIdParams },
  responses: {
    200: { description: 'The job', content: json(JobDetail) },
    404: error('No such job in your tenant'),
  },
});

export const cancelJob = protectedRoute(PERMISSIONS.manageJobs, {
  method: 'post',
  path: '/api/v1/jobs/{workflow_id}/cancel',
  tags: ['Jobs'],
  summary: 'Cancel Job (not in the seed)',
  description: 'Cancels the workflow: it stops its Ray job and records Cancelled (poll the job to see it). Like 12.1, by workflow id.',
  request: { params: JobIdParams },
  responses: {
    202: { description: 'Cancellation requested', content: json(CancelJobResponse) },
    404: error('No such job in your tenant'),
    409: error('The job has already ended'),
  },
});
