import { z } from '@hono/zod-openapi';
import {
  BatchPredictionBody,
  BatchPredictionResponse,
  ForecastBody,
  ForecastResponse,
  FormBasedPredictionQuery,
  FormBasedPredictionResponse,
  ListPredictionsQuery,
  ListPredictionsResponse,
  PredictionResultQuery,
  PredictionResultResponse,
  RealtimePredictionBody,
  RealtimePredictionResponse,
} from '../../../contracts/inference.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';

const tags = ['Inference'];
const modelErrors = {
  404: error('No such model (training) in your tenant'),
  409: error('The model is not Completed (still training, failed or cancelled)'),
};

export const realtimePrediction = protectedRoute(PERMISSIONS.predict, {
  'x-rate-limit': 'predict',
  method: 'post',
  path: '/api/v1/inference/',
  tags,
  summary: '9.1 Real-time Prediction',
  description:
    "Runs in the API process: the model's ONNX copy (its fitted preprocessing and model as one graph) in onnxruntime, or, for a " +
    'model without one (date features), its joblib pipeline in a long-lived Python process. `features` are checked against the ' +
    "model's inputs (9.3): unknown names or ill-typed values answer 422; Id/Target/ignored columns of the template are accepted " +
    'and unused; a missing feature is imputed by the stored preprocessing (template default, else training median / "__missing__"), ' +
    "unless it is neither nullable nor defaulted (422). `preprocess_id` and `target` must be the model's (422). Classification " +
    "answers the class probabilities too. `accuracy` is the model's headline metric.",
  request: { body: { required: true, content: json(RealtimePredictionBody) } },
  responses: {
    200: { description: 'The prediction', content: json(RealtimePredictionResponse) },
    ...modelErrors,
    422: error('Unknown or ill-typed features, a missing required feature, another preprocess_id or target, or a Forecast model'),
  },
});

export const batchPrediction = protectedRoute(PERMISSIONS.predict, {
  'x-rate-limit': 'predict',
  method: 'post',
  path: '/api/v1/inference/batchPrediction',
  tags,
  summary: '9.2 Batch Prediction',
  description:
    'Checks before any compute: the dataset is in your tenant, marked for prediction (usage "p"), valid and not empty, and has every ' +
    "input column of the model with the model's data type (422 naming them). Starts the `batch-predict-<prediction_id>` workflow: " +
    'a Ray job writes the predictions to the Iceberg table `gold.prediction_<prediction_id>` and a CSV in S3. Poll 9.5 with ' +
    '`prediction_id`; download the CSV with GET /api/v1/inference/result/download.',
  request: { body: { required: true, content: json(BatchPredictionBody) } },
  responses: {
    202: { description: 'Batch prediction started', content: json(BatchPredictionResponse) },
    ...modelErrors,
    422: error('The dataset cannot be used with this model (the message says why), or a Forecast model'),
  },
});

export const formBasedPrediction = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: '/api/v1/inference/form-based-prediction',
  tags,
  summary: '9.3 Get Form for Prediction',
  description:
    "The model's input columns in training order, with their template data types and defaults (what a missing value becomes), " +
    'its target and its preprocess_id: the fields 9.1 takes.',
  request: { query: FormBasedPredictionQuery },
  responses: { 200: { description: 'The form', content: json(FormBasedPredictionResponse) }, ...modelErrors },
});

export const forecast = protectedRoute(PERMISSIONS.predict, {
  'x-rate-limit': 'predict',
  method: 'post',
  path: '/api/v1/inference/forecast',
  tags,
  summary: '9.4 Generate Forecast',
  description:
    "`steps` ahead of the last date of the series `unique_id` in the model's training data, at the model's frequency (`frequency` " +
    'names it: Day, Week, Month, Quarter, Year, Hour, Minute, Business day, or the pandas alias; another one is a 422). Each step ' +
    'has its `date`, `value` and the 95 % prediction interval: `confidence` is its level (0.95), `lower` / `upper` its bounds. ' +
    '`exogenous` (not in the seed): one object per step with the future values of the exogenous columns the model was trained ' +
    'with; required when it uses any (422). `dataset_id` is checked and recorded only. Runs in the Python model server.',
  request: { body: { required: true, content: json(ForecastBody) } },
  responses: {
    200: { description: 'The forecast', content: json(ForecastResponse) },
    409: modelErrors[409],
    404: error('No such model in your tenant, or no series `unique_id` in the model'),
    422: error('Not a Forecast model, another frequency, or ill-typed / unknown exogenous values'),
  },
});

export const predictionResult = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: '/api/v1/inference/result',
  tags,
  summary: '9.5 Get Batch Prediction Results',
  description:
    "`result_path` is the CSV's S3 URI once completed (null before); download it with `download_path`. `file_id` is always null: " +
    'results are not dataset files.',
  request: { query: PredictionResultQuery },
  responses: {
    200: { description: 'Status and result', content: json(PredictionResultResponse) },
    404: error('No such batch prediction in your tenant'),
  },
});

export const downloadPredictionResult = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: '/api/v1/inference/result/download',
  tags,
  summary: 'Download Batch Prediction Results (not in the seed)',
  description: 'Streams the CSV of a completed batch prediction: the dataset rows, `prediction` and `probability_<class>` per class.',
  request: { query: PredictionResultQuery },
  responses: {
    200: { description: 'The CSV', content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } } },
    404: error('No such batch prediction in your tenant'),
    409: error('The prediction has not completed'),
  },
});

export const listPredictions = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: '/api/v1/inference/predictions',
  tags,
  summary: '9.6 List Predictions',
  description:
    'Every prediction of the model: batch and forecast ones one row each; real-time ones counted per minute (and per user and preprocess ' +
    'record) in one row whose `no_of_records` is the count. Each row carries the model version, preprocess record and the snapshot of ' +
    'the data the model was trained on.',
  request: { query: ListPredictionsQuery },
  responses: {
    200: { description: 'The predictions', content: json(ListPredictionsResponse) },
    404: error('No such model in your tenant'),
  },
});
