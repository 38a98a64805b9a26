// Templates (5.x): create, read, version and delete a tenant's templates; the list is served from
// TemplateListCache, which this service tells about its own writes.
import { checkDefaultValue } from '../../contracts/template-types.js';
import type { TemplateColumnInput } from '../../contracts/templates.js';
import * as repo from '../../db/repositories/templates.js';
import type { StoredTemplateColumn } from '../../db/tables/data.js';
import type { AppDeps } from '../deps.js';
import { conflict, notFound, unprocessable } from '../errors.js';
import { summary } from './template-summary.js';

type Deps = Pick<AppDeps, 'db' | 'templateLists'>;
interface Caller {
  tenantId: string;
  username: string;
}

/** Checks defaults against their types (422) and normalises the columns for storage. */
export function toStoredSchema(columns: TemplateColumnInput[] | undefined): StoredTemplateColumn[] {
  const cols = columns ?? [];
  const issues = cols.flatMap((col, i) => {
    const problem = checkDefaultValue(col.data_type, col.default_value);
    return problem ? [{ path: `template_schema.${i}.default_value`, message: problem, code: 'invalid_default' }] : [];
  });
  if (issues.length) throw unprocessable(`Invalid default value: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return cols.map((c) => ({
    column_name: c.column_name,
    data_type: c.data_type,
    default_value: c.default_value === undefined || c.default_value === '' ? null : c.default_value,
    nullable: c.nullable ?? false,
  }));
}

const schemaOut = (cols: StoredTemplateColumn[]) =>
  cols.map((c) => ({
    column_name: c.column_name,
    data_type: c.data_type as TemplateColumnInput['data_type'],
    default_value: c.default_value,
    nullable: c.nullable,
  }));

/** A unique index caught a name taken by a concurrent write (the explicit check above it lost the race). */
const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export async function createTemplate(deps: Deps, caller: Caller, body: { template_name: string; template_schema?: TemplateColumnInput[] }) {
  const { tenantId, username } = caller;
  const schema = toStoredSchema(body.template_schema);
  const taken = () => conflict(`A template named "${body.template_name}" already exists`);
  if (await repo.templateNameTaken(deps.db, tenantId, body.template_name)) throw taken();
  try {
    const created = await deps.db
      .transaction()
      .execute((trx) => repo.createTemplate(trx, { tenantId, name: body.template_name, schema, username }));
    deps.templateLists.changed(tenantId);
    return created;
  } catch (err) {
    throw isUniqueViolation(err) ? taken() : err;
  }
}

export async function getTemplate(deps: Deps, tenantId: string, templateId: number) {
  const t = await repo.findTemplate(deps.db, tenantId, templateId);
  if (!t) throw notFound('Template');
  return { ...summary({ ...t, no_of_columns: t.template_schema.length }), template_schema: schemaOut(t.template_schema) };
}

export async function updateTemplate(
  deps: Deps,
  caller: Caller,
  templateId: number,
  body: { template_name: string; template_schema?: TemplateColumnInput[] },
) {
  const { tenantId, username } = caller;
  const current = await repo.findTemplate(deps.db, tenantId, templateId);
  if (!current) throw notFound('Template');
  const schema = body.template_schema === undefined ? current.template_schema : toStoredSchema(body.template_schema);
  const taken = () => conflict(`Another template is named "${body.template_name}"`);
  if (await repo.templateNameTaken(deps.db, tenantId, body.template_name, templateId)) throw taken();
  let version: number | undefined;
  try {
    version = await deps.db
      .transaction()
      .execute((trx) => repo.updateTemplate(trx, { tenantId, id: templateId, name: body.template_name, schema, username }));
  } catch (err) {
    throw isUniqueViolation(err) ? taken() : err;
  }
  if (version === undefined) throw notFound('Template');
  deps.templateLists.changed(tenantId);
  return { template_name: body.template_name, template_schema: schemaOut(schema), version };
}

export async function deleteTemplate(deps: Deps, tenantId: string, templateId: number): Promise<void> {
  if (!(await repo.findTemplate(deps.db, tenantId, templateId))) throw notFound('Template');
  const uses = await repo.templateInUse(deps.db, tenantId, templateId);
  if (uses > 0) throw conflict(`The template is used by ${uses} dataset(s); delete them first`, { datasets: uses });
  try {
    await repo.deleteTemplate(deps.db, tenantId, templateId);
  } catch (err) {
    // A dataset referenced it between the check and the delete (FK restrict).
    if ((err as { code?: string }).code === '23503') throw conflict('The template is used by a dataset');
    throw err;
  }
  deps.templateLists.changed(tenantId);
}
