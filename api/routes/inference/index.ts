import { createRouter } from '../../openapi-hono.js';
import * as h from './inference.handlers.js';
import * as r from './inference.routes.js';

export const inferenceRouter = createRouter();
inferenceRouter
  .openapi(r.realtimePrediction, h.realtimePredictionHandler)
  .openapi(r.batchPrediction, h.batchPredictionHandler)
  .openapi(r.formBasedPrediction, h.formBasedPredictionHandler)
  .openapi(r.forecast, h.forecastHandler)
  .openapi(r.predictionResult, h.predictionResultHandler)
  .openapi(r.downloadPredictionResult, h.downloadPredictionResultHandler)
  .openapi(r.listPredictions, h.listPredictionsHandler);
