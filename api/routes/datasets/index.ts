import { createRouter } from '../../openapi-hono.js';
import {
  deleteDatasetHandler,
  generateStatisticsHandler,
  getDatasetByIdHandler,
  getStatisticsHandler,
  listDatasetsHandler,
  listValidatedDatasetsHandler,
  uploadDatasetHandler,
  viewDatasetHandler,
} from './datasets.handlers.js';
import {
  deleteDataset,
  generateStatistics,
  getDatasetById,
  getStatistics,
  listDatasets,
  listValidatedDatasets,
  uploadDataset,
  viewDataset,
} from './datasets.routes.js';

export const datasetsRouter = createRouter()
  .openapi(uploadDataset, uploadDatasetHandler)
  .openapi(listDatasets, listDatasetsHandler)
  .openapi(listValidatedDatasets, listValidatedDatasetsHandler)
  .openapi(deleteDataset, deleteDatasetHandler)
  .openapi(getDatasetById, getDatasetByIdHandler)
  .openapi(viewDataset, viewDatasetHandler)
  .openapi(generateStatistics, generateStatisticsHandler)
  .openapi(getStatistics, getStatisticsHandler);
