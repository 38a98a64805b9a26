import type { RouteHandler } from '@hono/zod-openapi';
import type { ColumnStatsInput } from '../../../contracts/data-workflows.js';
import { findOwnedTable, ownedTables } from '../../../db/repositories/datasets.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { CatalogError, currentFields, isNumericType, sqlType } from '../../datalake/catalog-client.js';
import type { AppDeps, Principal } from '../../deps.js';
import { HttpError, notFound, unprocessable } from '../../errors.js';
import { startJob } from '../../temporal/start-job.js';
import type { distinctCount, listSchemas, listTables, numericStats, tableColumns, tableMetadata } from './datalake.routes.js';

export const STANDARD_SCHEMAS = ['bronze', 'silver', 'gold', 'default'];

const catalogErrors = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof CatalogError) throw err.status === 404 ? notFound('Table') : new HttpError(502, 'catalog_error', err.message);
    throw err;
  }
};

/** The table's catalog metadata, only if the caller's tenant owns it and the catalog knows it (else 404). */
async function ownedTable(deps: AppDeps, principal: Principal, schema: string, table: string) {
  const owned = await findOwnedTable(deps.db, principal.tenantId, schema, table);
  if (!owned) throw notFound('Table');
  const meta = await catalogErrors(() => deps.catalog.loadTable(schema, table));
  return { owned, meta };
}

async function columnOf(deps: AppDeps, principal: Principal, schema: string, table: string, column: string) {
  const { meta } = await ownedTable(deps, principal, schema, table);
  const field = currentFields(meta).find((f) => f.name === column);
  if (!field) throw notFound('Column');
  return field;
}

async function columnStats(deps: AppDeps, principal: Principal, schema: string, table: string, column: string) {
  const input: ColumnStatsInput = { tenantId: principal.tenantId, table: `${schema}.${table}`, column };
  const workflowId = `datalake-stats-${schema}.${table}.${column}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.slice(
    0,
    250,
  );
  const handle = await startJob(deps.temporal, deps.config, {
    workflow: 'datalakeColumnStatsWorkflow',
    workflowId,
    args: [input],
    kind: 'datalake_column_stats',
    tenantId: principal.tenantId,
    resourceId: `${schema}.${table}`,
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new HttpError(504, 'timeout', `statistics job ${workflowId} did not finish in 2 minutes`)), 120_000),
  );
  return (await Promise.race([handle.result(), timeout])) as Record<string, any>;
}

export const listSchemasHandler: RouteHandler<typeof listSchemas, AuthedEnv> = async (c) => {
  const owned = await ownedTables(c.get('deps').db, c.get('principal').tenantId);
  const extra = [...new Set(owned.map((t) => t.namespace))].filter((n) => !STANDARD_SCHEMAS.includes(n));
  return c.json([...STANDARD_SCHEMAS, ...extra.sort()], 200);
};

export const listTablesHandler: RouteHandler<typeof listTables, AuthedEnv> = async (c) => {
  const { schema_name } = c.req.valid('query');
  const deps = c.get('deps');
  const namespaces = await catalogErrors(() => deps.catalog.listNamespaces());
  if (!namespaces.includes(schema_name)) {
    if (STANDARD_SCHEMAS.includes(schema_name)) return c.json([], 200);
    throw notFound('Schema');
  }
  const inCatalog = new Set(await catalogErrors(() => deps.catalog.listTables(schema_name)));
  const mine = await ownedTables(deps.db, c.get('principal').tenantId, schema_name);
  return c.json(
    mine.map((t) => t.table_name).filter((n) => inCatalog.has(n)),
    200,
  );
};

export const tableColumnsHandler: RouteHandler<typeof tableColumns, AuthedEnv> = async (c) => {
  const { schema_name, table_name } = c.req.valid('query');
  const { meta } = await ownedTable(c.get('deps'), c.get('principal'), schema_name, table_name);
  return c.json(
    currentFields(meta).map((f) => ({ column_name: f.name, data_type: sqlType(f.type) })),
    200,
  );
};

export const tableMetadataHandler: RouteHandler<typeof tableMetadata, AuthedEnv> = async (c) => {
  const { schema_name, table_name } = c.req.valid('query');
  const { owned, meta } = await ownedTable(c.get('deps'), c.get('principal'), schema_name, table_name);
  const firstSnapshot = meta.snapshots?.reduce((m, s) => Math.min(m, s['timestamp-ms']), Number.POSITIVE_INFINITY);
  const created =
    firstSnapshot !== undefined && Number.isFinite(firstSnapshot)
      ? Math.min(firstSnapshot, owned.created_at.getTime())
      : owned.created_at.getTime();
  return c.json(
    {
      schema: schema_name,
      table: table_name,
      owner: owned.created_by,
      created_time: new Date(created).toISOString(),
      last_access_time: new Date(meta['last-updated-ms']).toISOString(),
      location: meta.location,
      format: 'iceberg',
    },
    200,
  );
};

export const numericStatsHandler: RouteHandler<typeof numericStats, AuthedEnv> = async (c) => {
  const { schema_name, table_name, column_name } = c.req.valid('query');
  const field = await columnOf(c.get('deps'), c.get('principal'), schema_name, table_name, column_name);
  if (!isNumericType(field.type)) throw unprocessable(`Column "${column_name}" is ${sqlType(field.type)}, not numeric`);
  const s = await columnStats(c.get('deps'), c.get('principal'), schema_name, table_name, column_name);
  return c.json(
    {
      column: column_name,
      count: s.count ?? 0,
      mean: s.mean ?? null,
      std_dev: s.std ?? null,
      min: s.min ?? null,
      max: s.max ?? null,
      median: s.quantiles?.p50 ?? null,
    },
    200,
  );
};

export const distinctCountHandler: RouteHandler<typeof distinctCount, AuthedEnv> = async (c) => {
  const { schema, table, column } = c.req.valid('query');
  await columnOf(c.get('deps'), c.get('principal'), schema, table, column);
  const s = await columnStats(c.get('deps'), c.get('principal'), schema, table, column);
  if (s.distinct_count === null || s.distinct_count === undefined)
    throw new HttpError(422, 'too_many_values', 'More distinct values than the exact counter holds');
  return c.json({ column, distinct_count: s.distinct_count as number }, 200);
};
