import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { pageOf } from '../../paging.js';
import * as train from '../../services/train.js';
import type { CallbackEnv } from './callback-secret.js';
import type {
  createTraining,
  deleteFeatureImportance,
  deleteTraining,
  downloadTrainingSchema,
  generateFeatureImportance,
  getTrainingDetails,
  listTrainings,
  modelSummary,
  refreshTrainings,
  shapResultCallback,
  trainingResultCallback,
  updateModel,
  viewFeatureImportance,
} from './train.routes.js';

export const createTrainingHandler: RouteHandler<typeof createTraining, AuthedEnv> = async (c) => {
  const body = c.req.valid('json');
  const t = await train.createAndStart(c.get('deps'), c.get('principal'), body);
  return c.json(
    {
      id: t.id,
      tenant_id: t.tenant_id,
      predictor_name: body.predictor_name,
      problem_type: body.problem_type,
      created_by: t.created_by,
      dataset_id: t.dataset_id,
      created_at: t.created_at.toISOString(),
      modified_at: t.modified_at.toISOString(),
      training_status: 'Submitted' as const,
      workflow_id: t.workflow_id,
    },
    201,
  );
};

export const getTrainingDetailsHandler: RouteHandler<typeof getTrainingDetails, AuthedEnv> = async (c) => {
  const body = c.req.valid('json');
  const details = await train.trainingDetails(c.get('deps'), c.get('principal').tenantId, body.dataset_id, body.problem_type);
  return c.json(
    { dataset_id: body.dataset_id, predictor_name: body.predictor_name, domain: body.domain, problem_type: body.problem_type, ...details },
    200,
  );
};

export const listTrainingsHandler: RouteHandler<typeof listTrainings, AuthedEnv> = async (c) =>
  c.json(await train.listTrainings(c.get('deps'), c.get('principal').tenantId, pageOf(c.req.valid('query'))), 200);

export const refreshTrainingsHandler: RouteHandler<typeof refreshTrainings, AuthedEnv> = async (c) =>
  c.json(await train.refreshTrainings(c.get('deps'), c.get('principal').tenantId, pageOf(c.req.valid('query'))), 200);

export const deleteTrainingHandler: RouteHandler<typeof deleteTraining, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  await train.deleteTraining(c.get('deps'), c.get('principal').tenantId, id);
  return c.json({ status_code: 200, message: 'Training job deleted successfully' }, 200);
};

export const updateModelHandler: RouteHandler<typeof updateModel, AuthedEnv> = async (c) => {
  await train.updateModel(c.get('deps'), c.get('principal').tenantId, c.req.valid('json'));
  return c.json({ data: 'Model updated successfully', status_code: 200, message: 'Success' }, 200);
};

// Both callbacks run behind requireCallbackSecret: c.get('callbackTraining') is the training whose secret was given.
export const trainingResultCallbackHandler: RouteHandler<typeof trainingResultCallback, CallbackEnv> = async (c) => {
  const body = c.req.valid('json');
  await train.acceptTrainingResult(c.get('deps'), c.get('callbackTraining'), body.result, body.preprocess_id);
  return c.json({ status: 'success' as const, message: 'Result received' }, 200);
};

export const shapResultCallbackHandler: RouteHandler<typeof shapResultCallback, CallbackEnv> = async (c) => {
  const body = c.req.valid('json');
  await train.acceptShapResult(c.get('deps'), c.get('callbackTraining'), body.result);
  return c.json({ status: 'success' as const, message: 'SHAP result received' }, 200);
};

export const downloadTrainingSchemaHandler: RouteHandler<typeof downloadTrainingSchema, AuthedEnv> = async (c) => {
  const { train_id } = c.req.valid('param');
  return c.json({ schema: await train.trainingSchema(c.get('deps'), c.get('principal').tenantId, train_id) }, 200);
};

export const viewFeatureImportanceHandler: RouteHandler<typeof viewFeatureImportance, AuthedEnv> = async (c) => {
  const { train_id } = c.req.valid('query');
  return c.json(await train.featureImportance(c.get('deps'), c.get('principal').tenantId, train_id), 200);
};

export const generateFeatureImportanceHandler: RouteHandler<typeof generateFeatureImportance, AuthedEnv> = async (c) => {
  const { train_id } = c.req.valid('query');
  return c.json(await train.generateFeatureImportance(c.get('deps'), c.get('principal').tenantId, train_id), 200);
};

export const deleteFeatureImportanceHandler: RouteHandler<typeof deleteFeatureImportance, AuthedEnv> = async (c) => {
  const { train_id } = c.req.valid('param');
  await train.deleteFeatureImportance(c.get('deps'), c.get('principal').tenantId, train_id);
  return c.json({ status_code: 200, message: 'Feature importance results deleted successfully' }, 200);
};

export const modelSummaryHandler: RouteHandler<typeof modelSummary, AuthedEnv> = async (c) => {
  const { train_id } = c.req.valid('query');
  return c.json(await train.modelSummary(c.get('deps'), c.get('principal').tenantId, train_id), 200);
};
