// Templates (5.x): validate → one call to api/services/templates.ts → answer.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import * as templates from '../../services/templates.js';
import type { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from './templates.routes.js';

export const createTemplateHandler: RouteHandler<typeof createTemplate, AuthedEnv> = async (c) => {
  const created = await templates.createTemplate(c.get('deps'), c.get('principal'), c.req.valid('json'));
  return c.json({ status: 201, message: 'Template created successfully.', id: created.id, version: created.version }, 201);
};

export const listTemplatesHandler: RouteHandler<typeof listTemplates, AuthedEnv> = async (c) => {
  // Served pre-serialized from the per-tenant cache; the shape is the route's GetAllTemplatesResponse.
  const body = await c.get('deps').templateLists.body(c.get('principal').tenantId, c.req.valid('query'));
  return c.body(body, 200, { 'content-type': 'application/json' }) as never;
};

export const getTemplateHandler: RouteHandler<typeof getTemplate, AuthedEnv> = async (c) => {
  const { template_id } = c.req.valid('param');
  return c.json(await templates.getTemplate(c.get('deps'), c.get('principal').tenantId, template_id), 200);
};

export const updateTemplateHandler: RouteHandler<typeof updateTemplate, AuthedEnv> = async (c) => {
  const { template_id } = c.req.valid('param');
  return c.json(await templates.updateTemplate(c.get('deps'), c.get('principal'), template_id, c.req.valid('json')), 200);
};

export const deleteTemplateHandler: RouteHandler<typeof deleteTemplate, AuthedEnv> = async (c) => {
  const { template_id } = c.req.valid('param');
  await templates.deleteTemplate(c.get('deps'), c.get('principal').tenantId, template_id);
  return c.json({ status_code: 200, message: 'Template deleted successfully' }, 200);
};
