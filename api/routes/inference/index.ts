import { createRouter } from '../../openapi-hono.js';
import * as h from './inference.handlers.js';
import * as r from './inference.routes.js';
import { fastJsonBody } from './fast-json-body.js';

export const inferenceRouter = createRouter();
// Before the routes: their validators then read the body from Hono's cache.
inferenceRouter.use('/api/v1/inference/', fastJsonBody());
inferenceRouter
  .openapi(r.realtimePrediction, h.realtimePredictionHandler)
  .openapi(r.batchPrediction, h.batchPredictionHandler)
  .openapi(r.formBasedPrediction, h.formBasedPredictionHandler)
  .openapi(r.forecast, h.forecastHandler)
  .openapi(r.predictionResult, h.predictionResultHandler)
  .openapi(r.downloadPredictionResult, h.downloadPredictionResultHandler)
  .openapi(r.listPredictions, h.listPredictionsHandler);
