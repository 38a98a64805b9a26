import {
  DistinctCountQuery,
  DistinctCountResponse,
  ListSchemasResponse,
  ListTablesQuery,
  ListTablesResponse,
  NumericStatsQuery,
  NumericStatsResponse,
  TableColumnsQuery,
  TableColumnsResponse,
  TableMetadataQuery,
  TableMetadataResponse,
} from '../../../contracts/datalake.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';

const notYours = error("No such schema/table/column among the caller's tables in the catalog");

export const listSchemas = protectedRoute(PERMISSIONS.readDatalake, {
  method: 'get',
  path: '/api/v1/datalake/schemas',
  tags: ['Datalake'],
  summary: '11.1 List Schemas',
  description: 'The namespaces bronze, silver, gold and default (bronze holds the raw files in S3, not tables).',
  responses: { 200: { description: 'Schema names', content: json(ListSchemasResponse) } },
});

export const listTables = protectedRoute(PERMISSIONS.readDatalake, {
  method: 'get',
  path: '/api/v1/datalake/schemas/tables',
  tags: ['Datalake'],
  summary: '11.2 List Tables in Schema',
  description: "The caller's tenant's tables in the schema, as the catalog lists them.",
  request: { query: ListTablesQuery },
  responses: { 200: { description: 'Table names', content: json(ListTablesResponse) }, 404: error('No such schema') },
});

export const tableColumns = protectedRoute(PERMISSIONS.readDatalake, {
  method: 'get',
  path: '/api/v1/datalake/tables/columns',
  tags: ['Datalake'],
  summary: '11.3 Get Table Columns',
  request: { query: TableColumnsQuery },
  responses: { 200: { description: 'Columns and their (SQL-spelled) types', content: json(TableColumnsResponse) }, 404: notYours },
});

export const tableMetadata = protectedRoute(PERMISSIONS.readDatalake, {
  method: 'get',
  path: '/api/v1/datalake/table_metadata',
  tags: ['Datalake'],
  summary: '11.4 Get Table Metadata',
  description: '`owner` is the user who created the table; `last_access_time` is the last metadata update (Iceberg keeps no read times).',
  request: { query: TableMetadataQuery },
  responses: { 200: { description: 'Metadata', content: json(TableMetadataResponse) }, 404: notYours },
});

export const numericStats = protectedRoute(PERMISSIONS.computeStatistics, {
  method: 'get',
  path: '/api/v1/datalake/numeric_stats',
  tags: ['Datalake'],
  summary: '11.5 Get Numeric Stats',
  description:
    'Computed on the current snapshot by a Ray job (the request waits for it, up to 2 minutes). std_dev is the sample deviation.',
  request: { query: NumericStatsQuery },
  responses: {
    200: { description: 'Statistics', content: json(NumericStatsResponse) },
    404: notYours,
    422: error('The column is not numeric'),
  },
});

export const distinctCount = protectedRoute(PERMISSIONS.computeStatistics, {
  method: 'get',
  path: '/api/v1/datalake/distinct-count',
  tags: ['Datalake'],
  summary: '11.6 Get Distinct Count',
  description: 'Computed on the current snapshot by a Ray job (the request waits for it, up to 2 minutes).',
  request: { query: DistinctCountQuery },
  responses: { 200: { description: 'Distinct values (nulls not counted)', content: json(DistinctCountResponse) }, 404: notYours },
});
