import {
  DatasetIdParams,
  DatasetIdQuery,
  DeleteDatasetResponse,
  GenerateStatisticsResponse,
  GetDatasetByIdResponse,
  GetStatisticsResponse,
  ListDatasetsResponse,
  ListValidatedDatasetsResponse,
  UploadDatasetQuery,
  UploadDatasetResponse,
  ViewDatasetQuery,
  ViewDatasetResponse,
} from '../../../contracts/datasets.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { ListPageQuery, PageHeaders } from '../../../contracts/paging.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';

/**
 * The multipart body is documented with a plain OpenAPI schema, not a zod one, on purpose: a zod form schema
 * makes the router parse (and buffer) the whole body before the handler runs; the handler streams it instead.
 */
export const multipartFilesBody = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        properties: { files: { type: 'array' as const, items: { type: 'string' as const, format: 'binary' } } },
        required: ['files'],
      },
    },
  },
};

export const uploadDataset = protectedRoute(PERMISSIONS.uploadDataset, {
  'x-rate-limit': 'upload',
  method: 'post',
  path: '/api/v1/dataset/upload',
  tags: ['Dataset'],
  summary: '6.1 Upload Dataset',
  description:
    'Streams the file(s) to S3 (tenants/<tenant>/datasets/<id>/raw/) and starts the upload-validate workflow; answers ' +
    'at once (validation is asynchronous: poll 7.2 / 6.2). `usage`: t = training, p = prediction. Without ' +
    '`template_id` a template is inferred from the first file and stored. Adds `workflow_id`.',
  request: { query: UploadDatasetQuery, body: multipartFilesBody },
  responses: {
    201: { description: 'Dataset created, validation started', content: json(UploadDatasetResponse) },
    400: error('Malformed multipart body'),
    404: error("template_id is not a template of the caller's tenant"),
    409: error('dataset_name or iceberg_table_name already used, or two files with the same content'),
    413: error('Upload larger than UPLOAD_MAX_BYTES'),
    422: error('Invalid query, or no file under "files"'),
    503: error('Object storage unavailable (answered within seconds, with Retry-After)'),
  },
});

export const listDatasets = protectedRoute(PERMISSIONS.readDatasets, {
  method: 'get',
  path: '/api/v1/dataset/list',
  tags: ['Dataset'],
  summary: '6.2 List Datasets',
  description:
    '`is_valid` is null while a file is being validated; `dataset_usability` is the share of valid rows. Paged by id ' +
    '(`limit`, `offset`, keyset cursor `after`); without parameters the first 1000 datasets, as the seed.',
  request: { query: ListPageQuery },
  responses: { 200: { description: "The tenant's datasets", content: json(ListDatasetsResponse) } },
});

export const listValidatedDatasets = protectedRoute(PERMISSIONS.readDatasets, {
  method: 'get',
  path: '/api/v1/dataset/list_validated',
  tags: ['Dataset'],
  summary: '6.3 List Validated Datasets',
  description: 'A bare array as in the seed, so the paging information is in the `X-Total-Count` and `X-Next-After` headers.',
  request: { query: ListPageQuery },
  responses: {
    200: { description: 'Datasets whose files are all valid', headers: PageHeaders, content: json(ListValidatedDatasetsResponse) },
  },
});

export const deleteDataset = protectedRoute(PERMISSIONS.deleteDataset, {
  method: 'delete',
  path: '/api/v1/dataset/delete/{dataset_id}',
  tags: ['Dataset'],
  summary: '6.4 Delete Dataset',
  description: 'Cancels running validations, deletes the raw files and drops the Iceberg table.',
  request: { params: DatasetIdParams },
  responses: {
    200: { description: 'Deleted', content: json(DeleteDatasetResponse) },
    404: error("No such dataset in the caller's tenant"),
    409: error('A predictor was trained on this dataset'),
  },
});

export const getDatasetById = protectedRoute(PERMISSIONS.readDatasets, {
  method: 'get',
  path: '/api/v1/dataset/get_dataset_by_id',
  tags: ['Dataset'],
  summary: '6.5 Get Dataset by ID',
  request: { query: DatasetIdQuery },
  responses: {
    200: { description: 'The dataset', content: json(GetDatasetByIdResponse) },
    404: error("No such dataset in the caller's tenant"),
  },
});

export const viewDataset = protectedRoute(PERMISSIONS.readDatasets, {
  method: 'get',
  path: '/api/v1/dataset/view',
  tags: ['Dataset'],
  summary: '6.6 View Dataset',
  description: 'Rows that validation accepted, typed, paginated with limit/offset (read by streaming the stored files).',
  request: { query: ViewDatasetQuery },
  responses: {
    200: { description: 'A page of rows', content: json(ViewDatasetResponse) },
    404: error("No such dataset in the caller's tenant"),
  },
});

export const generateStatistics = protectedRoute(PERMISSIONS.computeStatistics, {
  method: 'post',
  path: '/api/v1/dataset/generate_statistics',
  tags: ['Dataset'],
  summary: '6.7 Generate Statistics',
  description: 'Starts the statistics workflow on the Iceberg table; poll GET /api/v1/dataset/statistics. Adds `workflow_id`.',
  request: { query: DatasetIdQuery },
  responses: {
    200: { description: 'Submitted', content: json(GenerateStatisticsResponse) },
    404: error("No such dataset in the caller's tenant"),
    409: error('The dataset has no validated rows yet'),
  },
});

export const getStatistics = protectedRoute(PERMISSIONS.readDatasets, {
  method: 'get',
  path: '/api/v1/dataset/statistics',
  tags: ['Dataset'],
  summary: 'Statistics of a dataset (not in the seed): the latest run of 6.7',
  request: { query: DatasetIdQuery },
  responses: {
    200: { description: 'Status of the latest run and, once Completed, its per-column statistics', content: json(GetStatisticsResponse) },
    404: error('No such dataset, or no statistics requested yet'),
  },
});
