// Templates are versioned: every update adds a template_versions row and bumps templates.version;
// a dataset keeps the (template_id, template_version) it was validated against.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.js';
import type { StoredTemplateColumn } from '../tables/data.js';
import { type Page, windowById } from './paging.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface TemplateRecord {
  id: number;
  tenant_id: string;
  template_name: string;
  version: number;
  created_by: string;
  modified_by: string;
  created_at: Date;
  modified_at: Date;
  template_schema: StoredTemplateColumn[];
}

/** Templates joined with their current version. */
const currentVersions = (db: Db) =>
  db
    .selectFrom('templates as t')
    .innerJoin('template_versions as v', (j) => j.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.version'));

const TEMPLATE_COLUMNS = [
  't.id',
  't.tenant_id',
  't.template_name',
  't.version',
  't.created_by',
  't.modified_by',
  't.created_at',
  't.modified_at',
] as const;

const withSchema = (db: Db) => currentVersions(db).select([...TEMPLATE_COLUMNS, 'v.template_schema']);

export type TemplateSummaryRecord = Omit<TemplateRecord, 'template_schema'> & { no_of_columns: number };

/** The tenant's templates without their schemas (only the column count, which Postgres keeps beside it). */
export async function listTemplates(db: Db, tenantId: string, page: Page): Promise<{ total: number; rows: TemplateSummaryRecord[] }> {
  const q = currentVersions(db)
    .select([...TEMPLATE_COLUMNS, 'v.column_count as no_of_columns'])
    .where('t.tenant_id', '=', tenantId);
  const [n, rows] = await Promise.all([
    db
      .selectFrom('templates')
      .where('tenant_id', '=', tenantId)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    windowById(q, 't.id', page).execute(),
  ]);
  return { total: Number(n.n), rows };
}

export async function findTemplate(db: Db, tenantId: string, id: number): Promise<TemplateRecord | undefined> {
  return (await withSchema(db).where('t.tenant_id', '=', tenantId).where('t.id', '=', id).executeTakeFirst()) as TemplateRecord | undefined;
}

/** A given version of a tenant's template (the one a dataset was validated against). */
export async function findTemplateVersion(db: Db, tenantId: string, id: number, version: number) {
  return db
    .selectFrom('template_versions as v')
    .innerJoin('templates as t', 't.id', 'v.template_id')
    .select(['v.template_id', 'v.version', 'v.template_name', 'v.template_schema'])
    .where('t.tenant_id', '=', tenantId)
    .where('v.template_id', '=', id)
    .where('v.version', '=', version)
    .executeTakeFirst() as Promise<
    { template_id: number; version: number; template_name: string; template_schema: StoredTemplateColumn[] } | undefined
  >;
}

export async function templateNameTaken(db: Db, tenantId: string, name: string, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('templates')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where(sql`lower(template_name)`, '=', name.toLowerCase());
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function createTemplate(
  db: Db,
  t: { tenantId: string; name: string; schema: StoredTemplateColumn[]; username: string },
): Promise<{ id: number; version: number }> {
  const row = await db
    .insertInto('templates')
    .values({ tenant_id: t.tenantId, template_name: t.name, version: 1, created_by: t.username, modified_by: t.username })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('template_versions')
    .values({ template_id: row.id, version: 1, template_name: t.name, template_schema: JSON.stringify(t.schema), created_by: t.username })
    .execute();
  return row;
}

/** Adds a new version (the old one stays, for the datasets validated against it). */
export async function updateTemplate(
  db: Db,
  t: { tenantId: string; id: number; name: string; schema: StoredTemplateColumn[]; username: string },
): Promise<number | undefined> {
  const row = await db
    .updateTable('templates')
    .set({ template_name: t.name, version: sql`version + 1`, modified_by: t.username, modified_at: new Date() } as never)
    .where('tenant_id', '=', t.tenantId)
    .where('id', '=', t.id)
    .returning('version')
    .executeTakeFirst();
  if (!row) return undefined;
  await db
    .insertInto('template_versions')
    .values({
      template_id: t.id,
      version: row.version,
      template_name: t.name,
      template_schema: JSON.stringify(t.schema),
      created_by: t.username,
    })
    .execute();
  return row.version;
}

export async function templateInUse(db: Db, tenantId: string, id: number): Promise<number> {
  const r = await db
    .selectFrom('datasets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('template_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function deleteTemplate(db: Db, tenantId: string, id: number): Promise<boolean> {
  const r = await db.deleteFrom('templates').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
