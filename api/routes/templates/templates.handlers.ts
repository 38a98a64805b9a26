import type { RouteHandler } from '@hono/zod-openapi';
import { checkDefaultValue } from '../../../contracts/template-types.js';
import type { TemplateColumnInput } from '../../../contracts/templates.js';
import * as repo from '../../../db/repositories/templates.js';
import type { StoredTemplateColumn } from '../../../db/tables/data.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { conflict, notFound, unprocessable } from '../../errors.js';
import { summary } from './template-summary.js';
import type { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from './templates.routes.js';

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

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export const createTemplateHandler: RouteHandler<typeof createTemplate, AuthedEnv> = async (c) => {
  const body = c.req.valid('json');
  const { tenantId, username } = c.var.principal;
  const schema = toStoredSchema(body.template_schema);
  const { db } = c.var.deps;
  if (await repo.templateNameTaken(db, tenantId, body.template_name))
    throw conflict(`A template named "${body.template_name}" already exists`);
  try {
    const created = await db
      .transaction()
      .execute((trx) => repo.createTemplate(trx, { tenantId, name: body.template_name, schema, username }));
    c.var.deps.templateLists.changed(tenantId);
    return c.json({ status: 201, message: 'Template created successfully.', id: created.id, version: created.version }, 201);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`A template named "${body.template_name}" already exists`);
    throw err;
  }
};

export const listTemplatesHandler: RouteHandler<typeof listTemplates, AuthedEnv> = async (c) => {
  // Served pre-serialized from the per-tenant cache; the shape is the route's GetAllTemplatesResponse.
  const body = await c.var.deps.templateLists.body(c.var.principal.tenantId);
  return c.body(body, 200, { 'content-type': 'application/json' }) as never;
};

export const getTemplateHandler: RouteHandler<typeof getTemplate, AuthedEnv> = async (c) => {
  const { template_id } = c.req.valid('param');
  const t = await repo.findTemplate(c.var.deps.db, c.var.principal.tenantId, template_id);
  if (!t) throw notFound('Template');
  return c.json({ ...summary({ ...t, no_of_columns: t.template_schema.length }), template_schema: schemaOut(t.template_schema) }, 200);
};

export const updateTemplateHandler: RouteHandler<typeof updateTemplate, AuthedEnv> = async (c) => {
  const { template_id } = c.req.valid('param');
  const body = c.req.valid('json');
  const { tenantId, username } = c.var.principal;
  const { db } = c.var.deps;
  const current = await repo.findTemplate(db, tenantId, template_id);
  if (!current) throw notFound('Template');
  const schema = body.template_schema === undefined ? current.template_schema : toStoredSchema(body.template_schema);
  if (await repo.templateNameTaken(db, tenantId, body.template_name, template_id)) {
    throw conflict(`Another template is named "${body.template_name}"`);
  }
  try {
    const version = await db
      .transaction()
      .execute((trx) => repo.updateTemplate(trx, { tenantId, id: template_id, name: body.template_name, schema, username }));
    if (version === undefined) throw notFound('Template');
    c.var.deps.templateLists.changed(tenantId);
    return c.json({ template_name: body.template_name, template_schema: schemaOut(schema), version }, 200);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`Another template is named "${body.template_name}"`);
    throw err;
  }
};

export const deleteTemplateHandler: RouteHandler<typeof deleteTemplate, AuthedEnv> = async (c) => {
  const { template_id } = c.req.valid('param');
  const { tenantId } = c.var.principal;
  const { db } = c.var.deps;
  if (!(await repo.findTemplate(db, tenantId, template_id))) throw notFound('Template');
  const uses = await repo.templateInUse(db, tenantId, template_id);
  if (uses > 0) throw conflict(`The template is used by ${uses} dataset(s); delete them first`, { datasets: uses });
  try {
    await repo.deleteTemplate(db, tenantId, template_id);
    c.var.deps.templateLists.changed(tenantId);
  } catch (err) {
    // A dataset referenced it between the check and the delete (FK restrict).
    if ((err as { code?: string }).code === '23503') throw conflict('The template is used by a dataset');
    throw err;
  }
  return c.json({ status_code: 200, message: 'Template deleted successfully' }, 200);
};
