import { PERMISSIONS } from '../../../contracts/permissions.js';
import {
  CreateScheduleBody,
  ListSchedulesResponse,
  RetrainSchedule,
  ScheduleActionResponse,
  ScheduleDetailResponse,
  ScheduleParams,
} from '../../../contracts/retrain-schedules.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';

const tags = ['Retraining schedules'];
const base = '/api/v1/retrain-schedules';

export const createSchedule = protectedRoute(PERMISSIONS.scheduleTraining, {
  method: 'post',
  path: base,
  tags,
  summary: 'Schedule the retraining of a predictor',
  description:
    "A Temporal Schedule that, every interval_seconds or on a cron (UTC), retrains the predictor with its newest completed version's " +
    'settings on what its dataset holds then: a new version from scratch (`full`) or continued (`incremental`). Each run is an ordinary ' +
    'training workflow (`train-<id>`). With `promote_alias` (needs can_manage_aliases too), the alias moves to the new version only if ' +
    "its headline validation metric is strictly greater than the alias's current version's; the rule, both values and the decision are " +
    'recorded on the run. A run due while the previous one still trains is skipped.',
  request: { body: { required: true, content: json(CreateScheduleBody) } },
  responses: {
    201: { description: 'Created', content: json(RetrainSchedule) },
    403: error('Missing can_schedule_training, or can_manage_aliases for promote_alias'),
    404: error('No such predictor in your tenant'),
    409: error('A schedule of that name exists, or the predictor has no completed version'),
    422: error('Invalid body or cron expression'),
  },
});

export const listSchedules = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: base,
  tags,
  summary: "List the tenant's retraining schedules",
  request: {},
  responses: { 200: { description: 'The schedules, with paused state and next run from Temporal', content: json(ListSchedulesResponse) } },
});

export const getSchedule = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: `${base}/{schedule_name}`,
  tags,
  summary: 'A retraining schedule, its runs and promotion decisions, and its history',
  request: { params: ScheduleParams },
  responses: {
    200: { description: 'The schedule', content: json(ScheduleDetailResponse) },
    404: error('No such schedule in your tenant'),
  },
});

const action = (verb: 'pause' | 'resume' | 'trigger', summary: string) =>
  protectedRoute(PERMISSIONS.scheduleTraining, {
    method: 'post',
    path: `${base}/{schedule_name}/${verb}`,
    tags,
    summary,
    request: { params: ScheduleParams },
    responses: {
      200: { description: 'Done (recorded in the history)', content: json(ScheduleActionResponse) },
      404: error('No such schedule in your tenant'),
    },
  });

export const pauseSchedule = action('pause', 'Pause a retraining schedule');
export const resumeSchedule = action('resume', 'Resume a paused retraining schedule');
export const triggerSchedule = action('trigger', 'Run a retraining schedule now (skipped if a run is in progress)');

export const deleteSchedule = protectedRoute(PERMISSIONS.scheduleTraining, {
  method: 'delete',
  path: `${base}/{schedule_name}`,
  tags,
  summary: 'Delete a retraining schedule',
  description: 'A run in progress finishes; the runs are deleted with the schedule, its history stays.',
  request: { params: ScheduleParams },
  responses: {
    200: { description: 'Deleted', content: json(ScheduleActionResponse) },
    404: error('No such schedule in your tenant'),
  },
});
