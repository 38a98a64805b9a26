import { createRouter } from '../../openapi-hono.js';
import {
  distinctCountHandler,
  listSchemasHandler,
  listTablesHandler,
  numericStatsHandler,
  tableColumnsHandler,
  tableMetadataHandler,
} from './datalake.handlers.js';
import { distinctCount, listSchemas, listTables, numericStats, tableColumns, tableMetadata } from './datalake.routes.js';

export const datalakeRouter = createRouter()
  .openapi(listSchemas, listSchemasHandler)
  .openapi(listTables, listTablesHandler)
  .openapi(tableColumns, tableColumnsHandler)
  .openapi(tableMetadata, tableMetadataHandler)
  .openapi(numericStats, numericStatsHandler)
  .openapi(distinctCount, distinctCountHandler);
