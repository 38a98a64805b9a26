import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { pageOf } from '../../paging.js';
import * as inference from '../../services/inference.js';
import { csvDownload } from '../csv-download.js';
import type {
  batchPrediction,
  downloadPredictionResult,
  forecast,
  formBasedPrediction,
  listPredictions,
  predictionResult,
  realtimePrediction,
} from './inference.routes.js';

export const realtimePredictionHandler: RouteHandler<typeof realtimePrediction, AuthedEnv> = async (c) =>
  c.json(await inference.realtimePrediction(c.get('deps'), c.get('principal'), c.req.valid('json')), 200);

export const formBasedPredictionHandler: RouteHandler<typeof formBasedPrediction, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('query');
  return c.json(await inference.predictionForm(c.get('deps'), c.get('principal').tenantId, id), 200);
};

export const batchPredictionHandler: RouteHandler<typeof batchPrediction, AuthedEnv> = async (c) => {
  const predictionId = await inference.startBatchPrediction(c.get('deps'), c.get('principal'), c.req.valid('json'));
  return c.json({ message: 'Batch prediction job started successfully.', status_code: 202, prediction_id: predictionId }, 202);
};

export const forecastHandler: RouteHandler<typeof forecast, AuthedEnv> = async (c) =>
  c.json(await inference.forecast(c.get('deps'), c.get('principal'), c.req.valid('json')), 200);

export const predictionResultHandler: RouteHandler<typeof predictionResult, AuthedEnv> = async (c) => {
  const { prediction_id } = c.req.valid('query');
  return c.json(await inference.predictionResult(c.get('deps'), c.get('principal').tenantId, prediction_id), 200);
};

export const downloadPredictionResultHandler: RouteHandler<typeof downloadPredictionResult, AuthedEnv> = async (c) => {
  const { prediction_id } = c.req.valid('query');
  const obj = await inference.openPredictionResult(c.get('deps'), c.get('principal').tenantId, prediction_id);
  return csvDownload(obj, `attachment; filename="prediction_${prediction_id}.csv"`) as never;
};

export const listPredictionsHandler: RouteHandler<typeof listPredictions, AuthedEnv> = async (c) => {
  const q = c.req.valid('query');
  return c.json(await inference.listPredictions(c.get('deps'), c.get('principal'), q.train_id, pageOf(q)), 200);
};
