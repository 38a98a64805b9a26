import { createRouter } from '../../openapi-hono.js';
import * as h from './train.handlers.js';
import * as r from './train.routes.js';

export const trainRouter = createRouter()
  .openapi(r.createTraining, h.createTrainingHandler)
  .openapi(r.getTrainingDetails, h.getTrainingDetailsHandler)
  .openapi(r.listTrainings, h.listTrainingsHandler)
  .openapi(r.refreshTrainings, h.refreshTrainingsHandler)
  .openapi(r.deleteTraining, h.deleteTrainingHandler)
  .openapi(r.updateModel, h.updateModelHandler)
  .openapi(r.trainingResultCallback, h.trainingResultCallbackHandler)
  .openapi(r.downloadTrainingSchema, h.downloadTrainingSchemaHandler)
  .openapi(r.viewFeatureImportance, h.viewFeatureImportanceHandler)
  .openapi(r.generateFeatureImportance, h.generateFeatureImportanceHandler)
  .openapi(r.shapResultCallback, h.shapResultCallbackHandler)
  .openapi(r.deleteFeatureImportance, h.deleteFeatureImportanceHandler)
  .openapi(r.modelSummary, h.modelSummaryHandler);
