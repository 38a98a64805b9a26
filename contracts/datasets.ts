import { z } from '@hono/zod-openapi';
import { PageFields } from './paging.js';
import {
  CellValue,
  IdParam,
  Identifier,
  IntId,
  JobStatus,
  Name,
  PageQuery,
  StatusCodeMessageResponse,
  TenantId,
  Timestamp,
} from './common.js';
import { DatasetFile, FilesUploadForm } from './files.js';

/** `t` = training, `p` = prediction (the seed shows only `p`; Discrepancy 14). */
export const DatasetUsage = z.enum(['t', 'p']);
export type DatasetUsage = z.infer<typeof DatasetUsage>;

const DatasetIdQueryField = IdParam.openapi({ param: { name: 'dataset_id', in: 'query' }, example: 61 });

// 6.1 Upload Dataset — query parameters as in the seed, files in the multipart body.
export const UploadDatasetQuery = z.object({
  dataset_name: Name.openapi({ example: 'forecast-p11' }),
  usage: DatasetUsage,
  template_id: IdParam.optional().openapi({ param: { name: 'template_id', in: 'query' }, example: 2 }),
  // Restricted to a plain identifier because it names a datalake table.
  iceberg_table_name: Identifier.optional().openapi({ example: 'forecast_p11_iceberg' }),
});
export type UploadDatasetQuery = z.infer<typeof UploadDatasetQuery>;

export const UploadDatasetForm = FilesUploadForm.openapi('UploadDatasetForm');
export type UploadDatasetForm = z.infer<typeof UploadDatasetForm>;

// Adds `workflow_id` (the validation workflow started by the upload).
export const UploadDatasetResponse = z
  .object({
    dataset_id: IntId,
    dataset_name: z.string(),
    data_source: z.string().openapi({ example: 'csv' }),
    files: z.array(DatasetFile),
    workflow_id: z.string(),
    /** The template the files are validated against (the inferred one when template_id was not given). */
    template_id: IntId.optional(),
  })
  .openapi('UploadDatasetResponse');
export type UploadDatasetResponse = z.infer<typeof UploadDatasetResponse>;

// 6.2 List Datasets (is_valid is null while validation runs; template_id is optional on upload)
export const DatasetSummary = z
  .object({
    tenant_id: TenantId,
    dataset_name: z.string(),
    file_count: z.number().int().nonnegative(),
    is_valid: z.boolean().nullable(),
    created_by: z.string(),
    template_id: IntId.nullable(),
    data_source: z.string(),
    iceberg_table_name: z.string().nullable(),
    id: IntId,
    template_name: z.string().nullable(),
    created_at: Timestamp,
    modified_at: Timestamp,
    dataset_usability: z.string().nullable().openapi({ example: '85%' }),
    usage: DatasetUsage,
    dataset_usage: z.enum(['Training', 'Prediction']),
  })
  .openapi('DatasetSummary');
export type DatasetSummary = z.infer<typeof DatasetSummary>;

export const ListDatasetsResponse = z
  .object({ total: z.number().int().nonnegative(), data: z.array(DatasetSummary), ...PageFields })
  .openapi('ListDatasetsResponse');
export type ListDatasetsResponse = z.infer<typeof ListDatasetsResponse>;

// 6.3 List Validated Datasets — a bare array, as in the seed.
export const ValidatedDataset = z
  .object({
    tenant_id: TenantId,
    dataset_name: z.string(),
    file_count: z.number().int().nonnegative(),
    is_valid: z.boolean(),
    created_by: z.string(),
    template_id: IntId.nullable(),
    id: IntId,
  })
  .openapi('ValidatedDataset');
export type ValidatedDataset = z.infer<typeof ValidatedDataset>;

export const ListValidatedDatasetsResponse = z.array(ValidatedDataset).openapi('ListValidatedDatasetsResponse');
export type ListValidatedDatasetsResponse = z.infer<typeof ListValidatedDatasetsResponse>;

// 6.4 Delete Dataset
export const DatasetIdParams = z.object({
  dataset_id: IdParam.openapi({ param: { name: 'dataset_id', in: 'path' }, example: 61 }),
});
export type DatasetIdParams = z.infer<typeof DatasetIdParams>;

export const DeleteDatasetResponse = StatusCodeMessageResponse.openapi('DeleteDatasetResponse');
export type DeleteDatasetResponse = z.infer<typeof DeleteDatasetResponse>;

// 6.5 Get Dataset by ID (6.7 and the statistics read take the same query)
export const DatasetIdQuery = z.object({ dataset_id: DatasetIdQueryField });
export type DatasetIdQuery = z.infer<typeof DatasetIdQuery>;

export const GetDatasetByIdResponse = z
  .object({
    dataset_name: z.string(),
    dataset_path: z.string(),
    validated_path: z.string().nullable(),
    iceberg_table_name: z.string().nullable(),
    data_source: z.string(),
  })
  .openapi('GetDatasetByIdResponse');
export type GetDatasetByIdResponse = z.infer<typeof GetDatasetByIdResponse>;

// 6.6 View Dataset — adds limit/offset (issues).
export const ViewDatasetQuery = PageQuery.extend({ dataset_id: DatasetIdQueryField });
export type ViewDatasetQuery = z.infer<typeof ViewDatasetQuery>;

export const ViewDatasetResponse = z.object({ preview: z.array(z.record(z.string(), CellValue)) }).openapi('ViewDatasetResponse');
export type ViewDatasetResponse = z.infer<typeof ViewDatasetResponse>;

// 6.7 Generate Statistics
// Adds `workflow_id` (the statistics workflow; poll GET /api/v1/dataset/statistics).
export const GenerateStatisticsResponse = z
  .object({
    status: z.literal('success'),
    message: z.string(),
    job_id: z.string().openapi({ example: 'stat-job-12345' }),
    workflow_id: z.string(),
  })
  .openapi('GenerateStatisticsResponse');
export type GenerateStatisticsResponse = z.infer<typeof GenerateStatisticsResponse>;

// GET /api/v1/dataset/statistics?dataset_id= — not in the seed (Discrepancy 16: nothing read 6.7's results).

const NullableNumber = z.number().nullable();

export const ColumnStatistics = z
  .object({
    column_name: z.string(),
    data_type: z.string(),
    count: z.number().int().nonnegative(),
    nulls: z.number().int().nonnegative(),
    distinct_count: z.number().int().nonnegative().nullable(),
    min: NullableNumber,
    max: NullableNumber,
    mean: NullableNumber,
    std: NullableNumber,
    quantiles: z.object({ p25: NullableNumber, p50: NullableNumber, p75: NullableNumber }),
    top_values: z.array(z.object({ value: z.string(), count: z.number().int().nonnegative() })),
  })
  .openapi('ColumnStatistics');
export type ColumnStatistics = z.infer<typeof ColumnStatistics>;

export const GetStatisticsResponse = z
  .object({
    dataset_id: IntId,
    status: JobStatus,
    workflow_id: z.string(),
    computed_at: Timestamp.nullable(),
    columns: z.array(ColumnStatistics),
    /** Why the run failed, when it did. */
    message: z.string().nullable().optional(),
    /** The Iceberg snapshot the statistics were computed on (decimal string). */
    snapshot_id: z.string().nullable().optional(),
  })
  .openapi('GetStatisticsResponse');
export type GetStatisticsResponse = z.infer<typeof GetStatisticsResponse>;
