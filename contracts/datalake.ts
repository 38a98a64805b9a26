import { z } from '@hono/zod-openapi';
import { Identifier } from './common.js';

// Names are plain identifiers because they are interpolated into catalog/SQL queries.
const SchemaName = Identifier.openapi({ example: 'gold' });
const TableName = Identifier.openapi({ example: 'customer_churn_predictions' });
const ColumnName = Identifier.openapi({ example: 'churn_probability' });

// 11.1 List Schemas
export const ListSchemasResponse = z.array(z.string()).openapi('ListSchemasResponse');
export type ListSchemasResponse = z.infer<typeof ListSchemasResponse>;

// 11.2 List Tables in Schema
export const ListTablesQuery = z.object({ schema_name: SchemaName });
export type ListTablesQuery = z.infer<typeof ListTablesQuery>;

export const ListTablesResponse = z.array(z.string()).openapi('ListTablesResponse');
export type ListTablesResponse = z.infer<typeof ListTablesResponse>;

// 11.3 Get Table Columns
export const TableQuery = z.object({ schema_name: SchemaName, table_name: TableName });
export type TableQuery = z.infer<typeof TableQuery>;

export const TableColumnsQuery = TableQuery;
export type TableColumnsQuery = TableQuery;

export const TableColumnsResponse = z
  .array(z.object({ column_name: z.string(), data_type: z.string().openapi({ example: 'varchar' }) }))
  .openapi('TableColumnsResponse');
export type TableColumnsResponse = z.infer<typeof TableColumnsResponse>;

// 11.4 Get Table Metadata
export const TableMetadataQuery = TableQuery;
export type TableMetadataQuery = TableQuery;

export const TableMetadataResponse = z
  .object({
    schema: z.string(),
    table: z.string(),
    owner: z.string().nullable(),
    created_time: z.string().nullable(),
    last_access_time: z.string().nullable(),
    location: z.string(),
    format: z.string().openapi({ example: 'iceberg' }),
  })
  .openapi('TableMetadataResponse');
export type TableMetadataResponse = z.infer<typeof TableMetadataResponse>;

// 11.5 Get Numeric Stats (statistics are null for an empty/all-null column)
export const NumericStatsQuery = TableQuery.extend({ column_name: ColumnName });
export type NumericStatsQuery = z.infer<typeof NumericStatsQuery>;

export const NumericStatsResponse = z
  .object({
    column: z.string(),
    count: z.number().int().nonnegative(),
    mean: z.number().nullable(),
    std_dev: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    median: z.number().nullable(),
  })
  .openapi('NumericStatsResponse');
export type NumericStatsResponse = z.infer<typeof NumericStatsResponse>;

// 11.6 Get Distinct Count — `schema`/`table`/`column`, not `*_name` (Discrepancy 8).
export const DistinctCountQuery = z.object({ schema: SchemaName, table: TableName, column: ColumnName });
export type DistinctCountQuery = z.infer<typeof DistinctCountQuery>;

export const DistinctCountResponse = z
  .object({ column: z.string(), distinct_count: z.number().int().nonnegative() })
  .openapi('DistinctCountResponse');
export type DistinctCountResponse = z.infer<typeof DistinctCountResponse>;
