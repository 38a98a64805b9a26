import { createRoute, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import {
  CreateTrainingBody,
  CreateTrainingResponse,
  DeleteFeatureImportanceResponse,
  DeleteTrainingParams,
  DeleteTrainingResponse,
  DownloadTrainingSchemaResponse,
  GenerateFeatureImportanceResponse,
  GetTrainingDetailsBody,
  GetTrainingDetailsResponse,
  ListTrainingJobsResponse,
  ModelSummaryResponse,
  RefreshTrainingStatusesResponse,
  ShapResultCallbackBody,
  ShapResultCallbackResponse,
  TrainIdParams,
  TrainIdQuery,
  TrainingResultCallbackBody,
  TrainingResultCallbackResponse,
  UpdateModelBody,
  UpdateModelResponse,
  ViewFeatureImportanceResponse,
} from '../../../contracts/train.js';
import { ListPageQuery } from '../../../contracts/paging.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';
import { requireCallbackSecret } from './callback-secret.js';

const tags = ['Train'];

export const createTraining = protectedRoute(PERMISSIONS.trainModels, {
  'x-rate-limit': 'train',
  method: 'post',
  path: '/api/v1/train/',
  tags,
  summary: '8.1 Create Training Job',
  description:
    'Everything is checked before any compute starts (422 naming the field): the dataset exists in your tenant, is valid ' +
    'and has usage "t"; the column roles (Id, Target, Feature, Time for Forecast, Ignore; unlisted columns are Features) ' +
    'name real columns with their data types; exactly one Target whose type fits the problem type (Classification: ' +
    'String/Integer/Boolean; Regression and Forecast: Integer/Float); the algorithm fits the problem type. ' +
    'Starts the train workflow (`train-<id>`). With is_incremental the predictor must exist: a new version is trained.',
  request: { body: { required: true, content: json(CreateTrainingBody) } },
  responses: {
    201: { description: 'Training submitted', content: json(CreateTrainingResponse) },
    409: error('A predictor with this name exists in the tenant'),
    422: error('Invalid request (the message names the field and the reason)'),
  },
});

export const getTrainingDetails = protectedRoute(PERMISSIONS.trainModels, {
  method: 'post',
  path: '/api/v1/train/get_details',
  tags,
  summary: '8.2 Get Details for Training',
  description: "The dataset's columns (from the template version it was validated against) and the roles a user may assign.",
  request: { body: { required: true, content: json(GetTrainingDetailsBody) } },
  responses: {
    200: { description: 'Schema and roles', content: json(GetTrainingDetailsResponse) },
    422: error('No such dataset in your tenant, or invalid body'),
  },
});

export const listTrainings = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: '/api/v1/train/list',
  tags,
  summary: '8.3 List Training Jobs',
  description:
    '`accuracy` is the headline metric: accuracy (Classification), R² (Regression), 1 − sMAPE/2 (Forecast). `ray_job_id` is what 12.1 terminates. ' +
    'Paged by id (`limit`, `offset`, keyset cursor `after`); without parameters the first 1000 trainings, as the seed.',
  request: { query: ListPageQuery },
  responses: { 200: { description: "The tenant's trainings", content: json(ListTrainingJobsResponse) } },
});

export const refreshTrainings = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: '/api/v1/train/refresh',
  tags,
  summary: '8.4 Refresh Training Statuses',
  description: 'Reconciles the stored status of every unfinished training with its Temporal workflow, then lists (paged as 8.3).',
  request: { query: ListPageQuery },
  responses: { 200: { description: "The tenant's trainings", content: json(RefreshTrainingStatusesResponse) } },
});

export const deleteTraining = protectedRoute(PERMISSIONS.deleteModel, {
  method: 'delete',
  path: '/api/v1/train/delete/{id}',
  tags,
  summary: '8.5 Delete Training Job',
  description:
    'Deletes the model artifacts in S3 and the records (its predictions too). 409 while the training, its SHAP job or a prediction on it runs.',
  request: { params: DeleteTrainingParams },
  responses: {
    200: { description: 'Deleted', content: json(DeleteTrainingResponse) },
    404: error('No such training in your tenant'),
    409: error('The training, its SHAP job or a prediction on it is running'),
  },
});

export const updateModel = protectedRoute(PERMISSIONS.trainModels, {
  method: 'post',
  path: '/api/v1/train/update/',
  tags,
  summary: '8.6 Update Model',
  description: 'Points the model at another preprocess record of your tenant, which must describe the same features.',
  request: { body: { required: true, content: json(UpdateModelBody) } },
  responses: {
    200: { description: 'Updated', content: json(UpdateModelResponse) },
    404: error('No such training or preprocess record in your tenant'),
    422: error('The preprocess record does not describe the same features'),
  },
});

const callbackHeaders = z.object({
  'x-callback-secret': z
    .string()
    .min(16)
    .max(256)
    .openapi({ description: "The training job's secret (given to the engine in the job input)" }),
});

export const trainingResultCallback = createRoute({
  method: 'post',
  path: '/api/v1/train/result',
  tags,
  summary: '8.7 Training Result Callback',
  description:
    'For external engines only (our Ray jobs signal their workflow directly). Needs the per-job secret in `X-Callback-Secret`; ' +
    'it only forwards the result to the training workflow as a signal, which validates and persists it.',
  request: { headers: callbackHeaders, body: { required: true, content: json(TrainingResultCallbackBody) } },
  middleware: [requireCallbackSecret('train_id')] as const,
  responses: {
    200: { description: 'Forwarded to the workflow', content: json(TrainingResultCallbackResponse) },
    401: error('Missing or wrong secret, or no train_id to check it against (checked before the body)'),
    409: error('The training is not running'),
    422: error('Invalid body'),
  },
});

export const downloadTrainingSchema = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: '/api/v1/train/download-schema/{train_id}',
  tags,
  summary: '8.8 Download Training Schema',
  description: 'The columns the model was trained with (Id, features, Target), with their data types.',
  request: { params: TrainIdParams },
  responses: {
    200: { description: 'Schema', content: json(DownloadTrainingSchemaResponse) },
    404: error('No such training in your tenant'),
  },
});

export const viewFeatureImportance = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: '/api/v1/train/view-feature-importance',
  tags,
  summary: '8.9 View Feature Importance',
  description: 'Mean |SHAP| per original feature. 404 when none was generated.',
  request: { query: TrainIdQuery },
  responses: {
    200: { description: 'Importances and status', content: json(ViewFeatureImportanceResponse) },
    404: error('No such training, or no feature importance'),
  },
});

export const generateFeatureImportance = protectedRoute(PERMISSIONS.trainModels, {
  method: 'get',
  path: '/api/v1/train/generate-feature-importance',
  tags,
  summary: '8.10 Generate Feature Importance',
  description:
    'Starts the SHAP workflow; `shap_job_id` is its workflow id. Idempotent: while a SHAP job of the model is submitted, ' +
    'running or completed, answers 200 with that job instead of starting another (8.12 deletes a result to generate it ' +
    'again; a failed or cancelled job is replaced by a new one). 409 unless the model is Completed.',
  request: { query: TrainIdQuery },
  responses: {
    200: { description: 'Submitted, or the SHAP job already running or done', content: json(GenerateFeatureImportanceResponse) },
    404: error('No such training in your tenant'),
    409: error('Model not completed, or it has no artifact'),
  },
});

export const shapResultCallback = createRoute({
  method: 'post',
  path: '/api/v1/train/shap-result',
  tags,
  summary: '8.11 SHAP Result Callback',
  description:
    'For external engines only; needs the per-job secret in `X-Callback-Secret` and only forwards a signal to the SHAP workflow.',
  request: { headers: callbackHeaders, body: { required: true, content: json(ShapResultCallbackBody) } },
  middleware: [requireCallbackSecret('training_id')] as const,
  responses: {
    200: { description: 'Forwarded to the workflow', content: json(ShapResultCallbackResponse) },
    401: error('Missing or wrong secret'),
    409: error('No SHAP job is running for this training'),
  },
});

export const deleteFeatureImportance = protectedRoute(PERMISSIONS.deleteModel, {
  method: 'delete',
  path: '/api/v1/train/delete-feature-importance/{train_id}',
  tags,
  summary: '8.12 Delete Feature Importance',
  request: { params: TrainIdParams },
  responses: {
    200: { description: 'Deleted', content: json(DeleteFeatureImportanceResponse) },
    404: error('No such training in your tenant'),
    409: error('A SHAP job is running'),
  },
});

export const modelSummary = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: '/api/v1/train/model-summary',
  tags,
  summary: '10.5 Get Model Summary',
  description:
    'Classification: accuracy, precision, recall, F1 (binary: of the second class label in sorted order; multiclass: macro), ROC AUC, ' +
    'confusion matrix (rows = true, columns = predicted, labels in sorted order). Regression: RMSE, MAE, R², MAPE. Forecast: MASE, sMAPE.',
  request: { query: TrainIdQuery },
  responses: {
    200: { description: 'Summary', content: json(ModelSummaryResponse) },
    404: error('No such training in your tenant'),
    409: error('The model is not trained (yet)'),
  },
});
