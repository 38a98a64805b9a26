// Datasets, their files, statistics runs and datalake table ownership. Every read is scoped by tenant.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.js';
import type { FileStatus } from '../tables/data.js';
import { type Page, windowById } from './paging.js';

type Db = Kysely<Database> | Transaction<Database>;

export const SILVER = 'silver';

export async function datasetNameTaken(db: Db, tenantId: string, name: string): Promise<boolean> {
  const r = await db
    .selectFrom('datasets')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('dataset_name', '=', name)
    .executeTakeFirst();
  return r !== undefined;
}

export async function datalakeTableTaken(db: Db, namespace: string, table: string): Promise<boolean> {
  const r = await db
    .selectFrom('datalake_tables')
    .select('table_name')
    .where('namespace', '=', namespace)
    .where('table_name', '=', table)
    .executeTakeFirst();
  return r !== undefined;
}

/** Lower-case identifier from a dataset name, for a generated Iceberg table name. */
export function tableSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 48) || 'dataset'
  );
}

export async function insertDataset(
  db: Db,
  d: {
    tenantId: string;
    name: string;
    usage: 't' | 'p';
    templateId: number | null;
    templateVersion: number | null;
    icebergTable: string | null;
    username: string;
  },
) {
  const row = await db
    .insertInto('datasets')
    .values({
      tenant_id: d.tenantId,
      dataset_name: d.name,
      usage: d.usage,
      data_source: 'csv',
      template_id: d.templateId,
      template_version: d.templateVersion,
      iceberg_table_name: d.icebergTable ?? '',
      created_by: d.username,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const table = d.icebergTable ?? `ds_${row.id}_${tableSlug(d.name)}`;
  if (!d.icebergTable) await db.updateTable('datasets').set({ iceberg_table_name: table }).where('id', '=', row.id).execute();
  await db
    .insertInto('datalake_tables')
    .values({ namespace: SILVER, table_name: table, tenant_id: d.tenantId, dataset_id: row.id, created_by: d.username })
    .execute();
  return { ...row, iceberg_table_name: table };
}

export async function setDatasetTemplate(db: Db, datasetId: number, templateId: number, version: number) {
  await db.updateTable('datasets').set({ template_id: templateId, template_version: version }).where('id', '=', datasetId).execute();
}

export async function deleteDatasetRow(db: Db, tenantId: string, id: number): Promise<void> {
  await db.deleteFrom('datalake_tables').where('dataset_id', '=', id).where('tenant_id', '=', tenantId).execute();
  await db.deleteFrom('datasets').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

const datasetColumns = (db: Db) =>
  db
    .selectFrom('datasets as d')
    .leftJoin('templates as t', 't.id', 'd.template_id')
    .select([
      'd.id',
      'd.tenant_id',
      'd.dataset_name',
      'd.usage',
      'd.data_source',
      'd.template_id',
      'd.template_version',
      'd.iceberg_table_name',
      'd.is_valid',
      'd.total_records',
      'd.valid_rows',
      'd.created_by',
      'd.created_at',
      'd.modified_at',
      't.template_name',
      (eb) =>
        eb
          .selectFrom('dataset_files as f')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('f.dataset_id', '=', 'd.id')
          .as('file_count'),
    ]);

export type DatasetRecord = NonNullable<Awaited<ReturnType<typeof findDataset>>>;

export async function findDataset(db: Db, tenantId: string, id: number) {
  return datasetColumns(db).where('d.tenant_id', '=', tenantId).where('d.id', '=', id).executeTakeFirst();
}

/** One page of the tenant's datasets (all, or only the valid ones) and how many there are in all. */
export async function listDatasets(db: Db, tenantId: string, page: Page, onlyValid = false) {
  let count = db.selectFrom('datasets as d').where('d.tenant_id', '=', tenantId);
  let q = datasetColumns(db).where('d.tenant_id', '=', tenantId);
  if (onlyValid) {
    count = count.where('d.is_valid', '=', true);
    q = q.where('d.is_valid', '=', true);
  }
  const [n, rows] = await Promise.all([
    count.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    windowById(q, 'd.id', page).execute(),
  ]);
  return { total: Number(n.n), rows };
}

/** Whether a model was trained on the dataset (the training module's `trainings` table). */
export async function isDatasetUsedByPredictor(db: Db, tenantId: string, datasetId: number): Promise<boolean> {
  const r = await db
    .selectFrom('trainings')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('dataset_id', '=', datasetId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * For a prediction dataset (usage p): the columns that models of this tenant trained on the dataset's template
 * use as their Target. Prediction files may leave them out. Empty for a training dataset.
 */
export async function predictionTargetColumns(db: Db, tenantId: string, datasetId: number): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select distinct c->>'column_name' as name
      from datasets d
      join trainings t on t.tenant_id = d.tenant_id and t.template_id = d.template_id
      cross join lateral jsonb_array_elements(t.columns) c
     where d.id = ${datasetId} and d.tenant_id = ${tenantId} and d.usage = 'p' and c->>'attribute_name' = 'Target'`.execute(db);
  return rows.map((r) => r.name);
}

// --- files ---

/**
 * A file id taken from the table's sequence before its row exists: the object is stored under a key that
 * holds the id, and the row is only written once every file of the request is stored (insertStoredFiles),
 * so a failed or aborted upload leaves no row behind.
 */
export async function reserveFileId(db: Db): Promise<number> {
  const r = await sql<{ id: string }>`select nextval(pg_get_serial_sequence('dataset_files', 'id')) as id`.execute(db);
  return Number(r.rows[0]!.id);
}

export interface StoredFileRow {
  id: number;
  datasetId: number;
  tenantId: string;
  fileName: string;
  key: string;
  size: number;
  /** null for a file uploaded through an upload session: the API never saw its bytes. */
  sha256: string | null;
}

export async function insertStoredFiles(db: Db, files: StoredFileRow[]) {
  if (!files.length) return [];
  return db
    .insertInto('dataset_files')
    .values(
      files.map((f) => ({
        id: f.id,
        dataset_id: f.datasetId,
        tenant_id: f.tenantId,
        file_name: f.fileName,
        s3_key: f.key,
        size_bytes: f.size,
        sha256: f.sha256,
      })),
    )
    .returning(['id', 'created_at'])
    .execute();
}

export async function setFilesWorkflow(db: Db, ids: number[], workflowId: string) {
  if (ids.length) await db.updateTable('dataset_files').set({ workflow_id: workflowId }).where('id', 'in', ids).execute();
}

export async function deleteFileRows(db: Db, ids: number[]) {
  if (ids.length) await db.deleteFrom('dataset_files').where('id', 'in', ids).execute();
}

export async function findDuplicateFile(db: Db, datasetId: number, sha256: string, exceptIds: number[]) {
  let q = db.selectFrom('dataset_files').select(['id', 'file_name']).where('dataset_id', '=', datasetId).where('sha256', '=', sha256);
  if (exceptIds.length) q = q.where('id', 'not in', exceptIds);
  return q.executeTakeFirst();
}

/** One page of a dataset's files and how many it has. */
export async function listFilesPage(db: Db, tenantId: string, datasetId: number, page: Page) {
  const q = db.selectFrom('dataset_files').where('tenant_id', '=', tenantId).where('dataset_id', '=', datasetId);
  const [n, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    windowById(q.selectAll(), 'id', page).execute(),
  ]);
  return { total: Number(n.n), rows };
}

export async function listFiles(db: Db, tenantId: string, datasetId: number) {
  return db
    .selectFrom('dataset_files')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('dataset_id', '=', datasetId)
    .orderBy('id')
    .execute();
}

export async function findFile(db: Db, tenantId: string, id: number) {
  return db.selectFrom('dataset_files').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function findFileByKey(db: Db, tenantId: string, key: string) {
  return db.selectFrom('dataset_files').selectAll().where('tenant_id', '=', tenantId).where('s3_key', '=', key).executeTakeFirst();
}

export async function setFileStatus(db: Db, id: number, status: FileStatus) {
  await db.updateTable('dataset_files').set({ status, modified_at: new Date() }).where('id', '=', id).execute();
}

export interface FileValidation {
  fileId: number;
  status: FileStatus;
  totalFields: number | null;
  totalRecords: number | null;
  validRows: number | null;
  invalidRows: number | null;
  errorReport: unknown;
  snapshotId: string | null;
}

/** Stores a file's validation result; returns its dataset id (undefined when the file was deleted meanwhile). */
export async function recordFileValidation(db: Db, v: FileValidation): Promise<number | undefined> {
  const row = await db
    .updateTable('dataset_files')
    .set({
      status: v.status,
      total_fields: v.totalFields,
      total_records: v.totalRecords,
      valid_rows: v.validRows,
      invalid_rows: v.invalidRows,
      error_report: JSON.stringify(v.errorReport ?? null),
      snapshot_id: v.snapshotId,
      modified_at: new Date(),
    })
    .where('id', '=', v.fileId)
    .returning('dataset_id')
    .executeTakeFirst();
  return row?.dataset_id;
}

/** Recomputes a dataset's validity and row counts from its files (is_valid null while any file is pending). */
export async function refreshDatasetStatus(db: Db, datasetId: number) {
  await sql`
    update datasets d set
      is_valid = case
        when not exists (select 1 from dataset_files f where f.dataset_id = d.id) then null
        when exists (select 1 from dataset_files f where f.dataset_id = d.id and f.status in ('uploaded', 'validating')) then null
        else not exists (select 1 from dataset_files f where f.dataset_id = d.id and f.status <> 'valid') end,
      total_records = coalesce((select sum(f.total_records) from dataset_files f where f.dataset_id = d.id), 0),
      valid_rows = coalesce((select sum(f.valid_rows) from dataset_files f where f.dataset_id = d.id), 0),
      modified_at = now()
    where d.id = ${datasetId}`.execute(db);
}

// --- statistics ---

export async function insertStatisticsRun(db: Db, s: { datasetId: number; tenantId: string; workflowId: string }) {
  await db
    .insertInto('dataset_statistics')
    .values({ dataset_id: s.datasetId, tenant_id: s.tenantId, workflow_id: s.workflowId, status: 'Submitted' })
    .onConflict((oc) => oc.column('workflow_id').doNothing())
    .execute();
}

export async function recordStatistics(
  db: Db,
  s: { workflowId: string; status: string; message?: string | null; columns?: unknown; snapshotId?: string | null },
) {
  await db
    .updateTable('dataset_statistics')
    .set({
      status: s.status,
      message: s.message ?? null,
      ...(s.columns !== undefined ? { columns: JSON.stringify(s.columns), computed_at: new Date() } : {}),
      ...(s.snapshotId !== undefined ? { snapshot_id: s.snapshotId } : {}),
      modified_at: new Date(),
    })
    .where('workflow_id', '=', s.workflowId)
    .execute();
}

export async function latestStatistics(db: Db, tenantId: string, datasetId: number) {
  return db
    .selectFrom('dataset_statistics')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('dataset_id', '=', datasetId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// --- datalake ownership ---

export async function ownedTables(db: Db, tenantId: string, namespace?: string) {
  let q = db.selectFrom('datalake_tables').selectAll().where('tenant_id', '=', tenantId);
  if (namespace) q = q.where('namespace', '=', namespace);
  return q.orderBy('table_name').execute();
}

export async function findOwnedTable(db: Db, tenantId: string, namespace: string, table: string) {
  return db
    .selectFrom('datalake_tables')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('namespace', '=', namespace)
    .where('table_name', '=', table)
    .executeTakeFirst();
}
