import { AddFilesResponse } from '../../../contracts/files.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import {
  CreateUploadSessionBody,
  UploadSession,
  UploadSessionDatasetQuery,
  UploadSessionIdParams,
} from '../../../contracts/upload-sessions.js';
import { StatusCodeMessageResponse } from '../../../contracts/common.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';

// Every route hands out or uses URLs that write into the tenant's storage: all need can_upload_dataset.
export const createUploadSession = protectedRoute(PERMISSIONS.uploadDataset, {
  'x-rate-limit': 'upload',
  method: 'post',
  path: '/api/v1/files/upload_sessions',
  tags: ['File'],
  summary: 'Open an upload session (not in the seed): upload a large file straight to S3',
  description:
    'Starts an S3 multipart upload for one file of the dataset and answers a presigned PUT URL per part (`missing_parts`). ' +
    'Upload the parts in any order, in parallel, each with exactly its `size`; after a dropped connection GET the session ' +
    'to see which parts S3 already holds (and fresh URLs for the others); then POST `.../complete`, which starts the ' +
    'validation like 7.1. A session not completed by `expires_at` is aborted with its parts.',
  request: { query: UploadSessionDatasetQuery, body: { required: true, content: json(CreateUploadSessionBody) } },
  responses: {
    201: { description: 'Session open', content: json(UploadSession) },
    404: error("No such dataset in the caller's tenant"),
    409: error('The dataset has no template'),
    413: error('size larger than UPLOAD_MAX_BYTES'),
    422: error('Invalid body'),
    503: error('Object storage or Temporal unavailable'),
  },
});

export const getUploadSession = protectedRoute(PERMISSIONS.uploadDataset, {
  method: 'get',
  path: '/api/v1/files/upload_sessions/{session_id}',
  tags: ['File'],
  summary: 'An upload session: the parts S3 holds (ListParts) and URLs for the missing ones',
  request: { params: UploadSessionIdParams },
  responses: {
    200: { description: 'The session', content: json(UploadSession) },
    404: error("No such session in the caller's tenant"),
    503: error('Object storage unavailable'),
  },
});

export const completeUploadSession = protectedRoute(PERMISSIONS.uploadDataset, {
  method: 'post',
  path: '/api/v1/files/upload_sessions/{session_id}/complete',
  tags: ['File'],
  summary: 'Complete an upload session: the file joins the dataset and is validated (as 7.1)',
  request: { params: UploadSessionIdParams },
  responses: {
    201: { description: 'File stored, validation started', content: json(AddFilesResponse) },
    404: error("No such session in the caller's tenant"),
    409: error('Parts missing or incomplete (details.missing_parts), or the session is not open'),
    503: error('Object storage or Temporal unavailable'),
  },
});

export const abortUploadSession = protectedRoute(PERMISSIONS.uploadDataset, {
  method: 'delete',
  path: '/api/v1/files/upload_sessions/{session_id}',
  tags: ['File'],
  summary: 'Abort an upload session and its uploaded parts',
  request: { params: UploadSessionIdParams },
  responses: {
    200: { description: 'Aborted', content: json(StatusCodeMessageResponse) },
    404: error("No such session in the caller's tenant"),
    409: error('The session is not open'),
    503: error('Object storage unavailable'),
  },
});
