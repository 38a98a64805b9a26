// Upload sessions (not in the seed; issue 16): a large file goes from the client straight to S3 as a
// multipart upload through presigned part URLs, and completing the session starts the same validation as 7.1.
import { z } from '@hono/zod-openapi';
import { IdParam, IntId, Timestamp } from './common.js';

export const UploadSessionDatasetQuery = z.object({
  dataset_id: IdParam.openapi({ param: { name: 'dataset_id', in: 'query' }, example: 101 }),
});
export type UploadSessionDatasetQuery = z.infer<typeof UploadSessionDatasetQuery>;

export const UploadSessionIdParams = z.object({
  session_id: IdParam.openapi({ param: { name: 'session_id', in: 'path' }, example: 7 }),
});
export type UploadSessionIdParams = z.infer<typeof UploadSessionIdParams>;

export const CreateUploadSessionBody = z
  .object({
    file_name: z.string().trim().min(1).max(255).openapi({ example: 'customers.csv' }),
    size: z
      .number()
      .int()
      .positive()
      .max(Number.MAX_SAFE_INTEGER)
      .openapi({ description: 'The exact size of the file in bytes (at most UPLOAD_MAX_BYTES)', example: 1_073_741_824 }),
  })
  .openapi('CreateUploadSessionBody');
export type CreateUploadSessionBody = z.infer<typeof CreateUploadSessionBody>;

export const UploadPartUrl = z
  .object({
    part_number: z.number().int().positive(),
    size: z.number().int().positive().openapi({ description: 'The exact number of bytes this part must carry' }),
    url: z.string().openapi({ description: 'PUT the part body here (presigned S3 UploadPart; valid until expires_at)' }),
  })
  .openapi('UploadPartUrl');

export const UploadedPart = z
  .object({ part_number: z.number().int().positive(), size: z.number().int().nonnegative(), etag: z.string() })
  .openapi('UploadedPart');

export const UploadSession = z
  .object({
    session_id: IntId,
    dataset_id: IntId,
    file_id: IntId.openapi({ description: 'The id the file will have once the session is completed' }),
    file_name: z.string(),
    size: z.number().int().positive(),
    part_size: z.number().int().positive().openapi({ description: 'Every part but the last has exactly this size' }),
    part_count: z.number().int().positive(),
    status: z.enum(['open', 'completing', 'completed', 'expired', 'aborted']),
    expires_at: Timestamp,
    uploaded_parts: z.array(UploadedPart).openapi({ description: 'Parts already in the store (S3 ListParts)' }),
    missing_parts: z.array(UploadPartUrl).openapi({ description: 'Parts still to upload, with their URLs' }),
    workflow_id: z.string().nullable(),
  })
  .openapi('UploadSession');
export type UploadSession = z.infer<typeof UploadSession>;
