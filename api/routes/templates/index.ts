import { createRouter } from '../../openapi-hono.js';
import {
  createTemplateHandler,
  deleteTemplateHandler,
  getTemplateHandler,
  listTemplatesHandler,
  updateTemplateHandler,
} from './templates.handlers.js';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from './templates.routes.js';

// list is registered before {template_id} so that the literal path wins.
export const templatesRouter = createRouter()
  .openapi(createTemplate, createTemplateHandler)
  .openapi(listTemplates, listTemplatesHandler)
  .openapi(getTemplate, getTemplateHandler)
  .openapi(updateTemplate, updateTemplateHandler)
  .openapi(deleteTemplate, deleteTemplateHandler);
