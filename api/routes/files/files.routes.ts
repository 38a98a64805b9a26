import {
  AddFilesQuery,
  AddFilesResponse,
  DeleteFileResponse,
  DownloadFileQuery,
  FileIdParams,
  GetFileByIdQuery,
  GetFileByIdResponse,
  ListFilesQuery,
  ListFilesResponse,
  ViewFileQuery,
  ViewFileResponse,
} from '../../../contracts/files.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { multipartFilesBody } from '../datasets/datasets.routes.js';
import { error, json } from '../openapi-responses.js';

export const addFiles = protectedRoute(PERMISSIONS.uploadDataset, {
  'x-rate-limit': 'upload',
  method: 'post',
  path: '/api/v1/files/add',
  tags: ['File'],
  summary: '7.1 Add Files to Dataset',
  description: 'Streams the file(s) to S3 and validates them against the template version of the dataset. Adds `workflow_id`.',
  request: { query: AddFilesQuery, body: multipartFilesBody },
  responses: {
    201: { description: 'Files stored, validation started', content: json(AddFilesResponse) },
    400: error('Malformed multipart body'),
    404: error("No such dataset in the caller's tenant"),
    409: error('A file with the same content is already in the dataset'),
    413: error('Upload larger than UPLOAD_MAX_BYTES'),
    422: error('No file under "files"'),
    503: error('Object storage unavailable (answered within seconds, with Retry-After)'),
  },
});

export const listFiles = protectedRoute(PERMISSIONS.readDatasets, {
  method: 'get',
  path: '/api/v1/files/list',
  tags: ['File'],
  summary: '7.2 List Files in Dataset',
  request: { query: ListFilesQuery },
  responses: {
    200: { description: 'Files with their validation results', content: json(ListFilesResponse) },
    404: error("No such dataset in the caller's tenant"),
  },
});

export const viewFile = protectedRoute(PERMISSIONS.readDatasets, {
  method: 'get',
  path: '/api/v1/files/view',
  tags: ['File'],
  summary: '7.3 View File Content',
  description: 'The header, then `limit` raw records from `offset` (CSV records: a quoted line break stays in its record).',
  request: { query: ViewFileQuery },
  responses: {
    200: { description: 'Raw records', content: json(ViewFileResponse) },
    404: error("No such file in the caller's tenant"),
  },
});

export const deleteFile = protectedRoute(PERMISSIONS.deleteDataset, {
  method: 'delete',
  path: '/api/v1/files/delete/{file_id}',
  tags: ['File'],
  summary: '7.4 Delete File',
  description: "Deletes the raw object and the file's rows in the Iceberg table (asynchronously, by a workflow).",
  request: { params: FileIdParams },
  responses: {
    200: { description: 'Deleted', content: json(DeleteFileResponse) },
    404: error("No such file in the caller's tenant"),
    409: error('A predictor was trained on the dataset'),
  },
});

export const downloadFile = protectedRoute(PERMISSIONS.readDatasets, {
  method: 'get',
  path: '/api/v1/files/download/',
  tags: ['File'],
  summary: '7.5 Download File',
  description: 'Streams the raw file. `file_path` is the `csv_file_path` of 7.6 (s3://<bucket>/tenants/<tenant>/...).',
  request: { query: DownloadFileQuery },
  responses: {
    200: { description: 'The raw bytes', content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } },
    400: error('A path with "..", a backslash or an empty segment'),
    404: error("Not a file of the caller's tenant"),
  },
});

export const getFileById = protectedRoute(PERMISSIONS.readDatasets, {
  method: 'get',
  path: '/api/v1/files/get_file_by_id/',
  tags: ['File'],
  summary: '7.6 Get File Details by ID',
  request: { query: GetFileByIdQuery },
  responses: {
    200: { description: 'The file', content: json(GetFileByIdResponse) },
    404: error("No such file in the caller's tenant"),
  },
});
