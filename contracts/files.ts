import { z } from '@hono/zod-openapi';
import { ListPageQuery, PageFields } from './paging.js';
import { IdParam, IntId, PageQuery, StatusCodeMessageResponse, Timestamp, UploadedFiles } from './common.js';

// The seed only ever shows `"error_report": null`; this shape comes from the issues.
export const ErrorReport = z
  .object({
    valid: z.boolean(),
    total_rows: z.number().int().nonnegative(),
    valid_rows: z.number().int().nonnegative(),
    invalid_rows: z.number().int().nonnegative(),
    counts: z.record(z.string(), z.number().int().nonnegative()).openapi({ description: 'Failures per rule' }),
    examples: z.array(
      z.object({
        row: z.number().int().nonnegative(),
        column: z.string().nullable(),
        value: z.string().nullable(),
        rule: z.string(),
        message: z.string(),
      }),
    ),
  })
  .openapi('ErrorReport');
export type ErrorReport = z.infer<typeof ErrorReport>;

// total_fields/total_records are null until validation has counted them (validation is asynchronous).
export const DatasetFile = z
  .object({
    dataset_id: IntId,
    id: IntId,
    file_name: z.string(),
    created_at: Timestamp,
    modified_at: Timestamp,
    total_fields: z.number().int().nonnegative().nullable(),
    total_records: z.number().int().nonnegative().nullable(),
    error_report: ErrorReport.nullable(),
    // Not in the seed: where validation is (uploaded, validating, valid, invalid, failed) and the Iceberg
    // snapshot (decimal string, 64-bit) that holds the file's valid rows.
    status: z.enum(['uploaded', 'validating', 'valid', 'invalid', 'failed']).optional(),
    snapshot_id: z.string().nullable().optional(),
  })
  .openapi('DatasetFile');
export type DatasetFile = z.infer<typeof DatasetFile>;

/** multipart/form-data body of 6.1 and 7.1: one or more parts named `files`. */
export const FilesUploadForm = z.object({ files: UploadedFiles }).openapi('FilesUploadForm');
export type FilesUploadForm = z.infer<typeof FilesUploadForm>;

const DatasetIdQueryField = IdParam.openapi({ param: { name: 'dataset_id', in: 'query' }, example: 101 });
const FileIdQueryField = IdParam.openapi({ param: { name: 'file_id', in: 'query' }, example: 80 });

// 7.1 Add Files to Dataset
export const AddFilesQuery = z.object({ dataset_id: DatasetIdQueryField });
export type AddFilesQuery = z.infer<typeof AddFilesQuery>;

export const AddFilesForm = FilesUploadForm.openapi('AddFilesForm');
export type AddFilesForm = z.infer<typeof AddFilesForm>;

// Adds `workflow_id` like 6.1: the added files are validated by a workflow too.
export const AddFilesResponse = z
  .object({
    dataset_id: IntId,
    dataset_name: z.string(),
    data_source: z.string(),
    files: z.array(DatasetFile),
    workflow_id: z.string(),
  })
  .openapi('AddFilesResponse');
export type AddFilesResponse = z.infer<typeof AddFilesResponse>;

// 7.2 List Files in Dataset
export const ListFilesQuery = ListPageQuery.extend({ dataset_id: DatasetIdQueryField });
export type ListFilesQuery = z.infer<typeof ListFilesQuery>;

export const ListFilesResponse = z
  .object({ total: z.number().int().nonnegative(), data: z.array(DatasetFile), ...PageFields })
  .openapi('ListFilesResponse');
export type ListFilesResponse = z.infer<typeof ListFilesResponse>;

// 7.3 View File Content — adds limit/offset (issues).
export const ViewFileQuery = PageQuery.extend({ file_id: FileIdQueryField });
export type ViewFileQuery = z.infer<typeof ViewFileQuery>;

export const ViewFileResponse = z
  .object({ file_id: IntId, content_preview: z.array(z.string()).openapi({ description: 'Raw lines, header first' }) })
  .openapi('ViewFileResponse');
export type ViewFileResponse = z.infer<typeof ViewFileResponse>;

// 7.4 Delete File
export const FileIdParams = z.object({
  file_id: IdParam.openapi({ param: { name: 'file_id', in: 'path' }, example: 81 }),
});
export type FileIdParams = z.infer<typeof FileIdParams>;

export const DeleteFileResponse = StatusCodeMessageResponse.openapi('DeleteFileResponse');
export type DeleteFileResponse = z.infer<typeof DeleteFileResponse>;

// 7.5 Download File — a storage path as in the seed; the server must resolve it within the caller's tenant.
export const DownloadFileQuery = z.object({
  file_path: z.string().min(1).max(1024).openapi({ example: '/mnt/data/file_store/dataset_101/telecom_data.csv' }),
});
export type DownloadFileQuery = z.infer<typeof DownloadFileQuery>;

/** Raw file bytes (application/octet-stream or text/csv). */
export const DownloadFileResponse = z.string().openapi('DownloadFileResponse', { format: 'binary' });
export type DownloadFileResponse = z.infer<typeof DownloadFileResponse>;

// 7.6 Get File Details by ID
export const GetFileByIdQuery = z.object({ file_id: FileIdQueryField });
export type GetFileByIdQuery = z.infer<typeof GetFileByIdQuery>;

export const GetFileByIdResponse = DatasetFile.extend({
  csv_file_path: z.string(),
  hdf_file_path: z.string().nullable(),
}).openapi('GetFileByIdResponse');
export type GetFileByIdResponse = z.infer<typeof GetFileByIdResponse>;
