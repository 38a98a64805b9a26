import { PERMISSIONS } from '../../../contracts/permissions.js';
import { TerminateRayJobQuery, TerminateRayJobResponse } from '../../../contracts/ray.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error } from '../openapi-responses.js';

export const terminateRayJob = protectedRoute(PERMISSIONS.manageJobs, {
  method: 'post',
  path: '/api/v1/ray/terminate_ray_job',
  tags: ['Ray'],
  summary: '12.1 Terminate Ray Job',
  description:
    'Cancels the workflow that drives the Ray job (training, SHAP, validation, statistics): the workflow stops the Ray job and ' +
    'records Cancelled. `ray_job_id` is the Ray submission id (8.3 lists it as `ray_job_id`); `usage` is informational.',
  request: { query: TerminateRayJobQuery },
  responses: {
    200: { description: 'Termination requested', content: { 'application/json': { schema: TerminateRayJobResponse } } },
    404: error('No Ray job with this id in your tenant'),
    409: error('The job has already finished'),
  },
});
