import {
  CreateDriftRunBody,
  CreateDriftScheduleBody,
  DriftRun,
  DriftRunCreated,
  DriftRunParams,
  DriftSchedule,
  DriftScheduleActionResponse,
  DriftScheduleDetail,
  DriftScheduleParams,
  ListDriftRunsQuery,
  ListDriftRunsResponse,
  ListDriftSchedulesResponse,
} from '../../../contracts/drift.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';

const tags = ['Drift monitoring'];
const runs = '/api/v1/drift-runs';
const schedules = '/api/v1/drift-schedules';

export const createDriftRun = protectedRoute(PERMISSIONS.monitorDrift, {
  method: 'post',
  path: runs,
  tags,
  summary: "Compare a version's recent inputs with its training snapshot",
  description:
    'Starts a drift run (workflow `drift-<tenant>-<id>`, one Ray job): a sample of the current data — the dataset `dataset_id` ' +
    "at its current snapshot, or without it the version's sampled real-time requests of the last `window_hours` — against a sample " +
    'of the snapshot the version was trained on. Per feature: the population stability index (quantile bins of the reference; ' +
    'levels for strings and booleans; missing values as their own bin) and a two-sample test (KS, or chi-square), and the same for ' +
    'the predictions. A feature is flagged when PSI >= thresholds.psi, or p < thresholds.p_value with an effect >= ' +
    'thresholds.min_effect; `drift_detected` when any feature or the predictions are flagged.',
  request: { body: { required: true, content: json(CreateDriftRunBody) } },
  responses: {
    202: { description: 'Started; read it with GET /api/v1/drift-runs/{drift_run_id}', content: json(DriftRunCreated) },
    404: error('No such version or alias in your tenant'),
    409: error('The version is not Completed, or the dataset has no validated rows'),
    422: error('Invalid body, a Forecast model, or an unknown dataset'),
  },
});

export const listDriftRuns = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: runs,
  tags,
  summary: "The tenant's drift runs, newest first (at most 100)",
  request: { query: ListDriftRunsQuery },
  responses: {
    200: { description: 'The runs, without their per-feature details', content: json(ListDriftRunsResponse) },
    404: error('No such version (train_id) in your tenant'),
  },
});

export const getDriftRun = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: `${runs}/{drift_run_id}`,
  tags,
  summary: 'A drift run: per-feature PSI, test statistic, p-value and flag, the prediction distributions, drift_detected',
  request: { params: DriftRunParams },
  responses: {
    200: { description: 'The run', content: json(DriftRun) },
    404: error('No such drift run in your tenant'),
  },
});

export const createDriftSchedule = protectedRoute(PERMISSIONS.monitorDrift, {
  method: 'post',
  path: schedules,
  tags,
  summary: 'Schedule a drift check of a version or alias',
  description:
    'A Temporal Schedule that, every interval_seconds or on a cron (UTC), runs the same check as POST /api/v1/drift-runs ' +
    '(an alias is resolved at each firing, so the check follows the alias). A firing due while the previous run still runs is skipped.',
  request: { body: { required: true, content: json(CreateDriftScheduleBody) } },
  responses: {
    201: { description: 'Created', content: json(DriftSchedule) },
    404: error('No such version or alias in your tenant'),
    409: error('A schedule of that name exists, or the version is not Completed'),
    422: error('Invalid body or cron expression'),
  },
});

export const listDriftSchedules = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: schedules,
  tags,
  summary: "The tenant's drift schedules",
  request: {},
  responses: {
    200: { description: 'The schedules, with paused state and next run from Temporal', content: json(ListDriftSchedulesResponse) },
  },
});

export const getDriftSchedule = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: `${schedules}/{schedule_name}`,
  tags,
  summary: 'A drift schedule and its runs',
  request: { params: DriftScheduleParams },
  responses: {
    200: { description: 'The schedule', content: json(DriftScheduleDetail) },
    404: error('No such schedule in your tenant'),
  },
});

const action = (verb: 'pause' | 'resume' | 'trigger', summary: string) =>
  protectedRoute(PERMISSIONS.monitorDrift, {
    method: 'post',
    path: `${schedules}/{schedule_name}/${verb}`,
    tags,
    summary,
    request: { params: DriftScheduleParams },
    responses: {
      200: { description: 'Done', content: json(DriftScheduleActionResponse) },
      404: error('No such schedule in your tenant'),
    },
  });

export const pauseDriftSchedule = action('pause', 'Pause a drift schedule');
export const resumeDriftSchedule = action('resume', 'Resume a paused drift schedule');
export const triggerDriftSchedule = action('trigger', 'Run a drift schedule now (skipped if a run is in progress)');

export const deleteDriftSchedule = protectedRoute(PERMISSIONS.monitorDrift, {
  method: 'delete',
  path: `${schedules}/{schedule_name}`,
  tags,
  summary: 'Delete a drift schedule (its runs stay)',
  request: { params: DriftScheduleParams },
  responses: {
    200: { description: 'Deleted', content: json(DriftScheduleActionResponse) },
    404: error('No such schedule in your tenant'),
  },
});
