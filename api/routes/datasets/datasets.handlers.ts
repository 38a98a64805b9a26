import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { pageOf } from '../../paging.js';
import * as datasets from '../../services/datasets.js';
import { uploadRequest } from '../../uploads/upload-request.js';
import type {
  deleteDataset,
  generateStatistics,
  getDatasetById,
  getStatistics,
  listDatasets,
  listValidatedDatasets,
  uploadDataset,
  viewDataset,
} from './datasets.routes.js';

export const uploadDatasetHandler: RouteHandler<typeof uploadDataset, AuthedEnv> = async (c) => {
  const q = c.req.valid('query');
  const upload = uploadRequest(c);
  return c.json(await datasets.uploadDataset(c.get('deps'), c.get('principal'), q, upload), 201);
};

export const listDatasetsHandler: RouteHandler<typeof listDatasets, AuthedEnv> = async (c) =>
  c.json(await datasets.listDatasets(c.get('deps'), c.get('principal').tenantId, pageOf(c.req.valid('query'))), 200);

export const listValidatedDatasetsHandler: RouteHandler<typeof listValidatedDatasets, AuthedEnv> = async (c) => {
  const { total, list, paging } = await datasets.listValidatedDatasets(
    c.get('deps'),
    c.get('principal').tenantId,
    pageOf(c.req.valid('query')),
  );
  c.header('X-Total-Count', String(total));
  if (paging.next_after !== null) c.header('X-Next-After', String(paging.next_after));
  return c.json(list, 200);
};

export const deleteDatasetHandler: RouteHandler<typeof deleteDataset, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('param');
  await datasets.deleteDataset(c.get('deps'), c.get('principal').tenantId, dataset_id);
  return c.json({ status_code: 200, message: 'Dataset deleted successfully' }, 200);
};

export const getDatasetByIdHandler: RouteHandler<typeof getDatasetById, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('query');
  return c.json(await datasets.datasetDetails(c.get('deps'), c.get('principal').tenantId, dataset_id), 200);
};

export const viewDatasetHandler: RouteHandler<typeof viewDataset, AuthedEnv> = async (c) => {
  const { dataset_id, limit, offset } = c.req.valid('query');
  return c.json(await datasets.previewDataset(c.get('deps'), c.get('principal').tenantId, dataset_id, { limit, offset }), 200);
};

export const generateStatisticsHandler: RouteHandler<typeof generateStatistics, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('query');
  const workflowId = await datasets.startStatistics(c.get('deps'), c.get('principal').tenantId, dataset_id);
  return c.json(
    {
      status: 'success' as const,
      message: 'Statistics generation job submitted successfully.',
      job_id: workflowId,
      workflow_id: workflowId,
    },
    200,
  );
};

export const getStatisticsHandler: RouteHandler<typeof getStatistics, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('query');
  return c.json(await datasets.statistics(c.get('deps'), c.get('principal').tenantId, dataset_id), 200);
};
