import { PERMISSIONS } from '../../../contracts/permissions.js';
import {
  CreateTemplateBody,
  CreateTemplateResponse,
  DeleteTemplateResponse,
  GetAllTemplatesResponse,
  GetTemplateResponse,
  TemplateIdParams,
  UpdateTemplateBody,
  UpdateTemplateResponse,
} from '../../../contracts/templates.js';
import { ListPageQuery } from '../../../contracts/paging.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';

export const createTemplate = protectedRoute(PERMISSIONS.manageTemplates, {
  method: 'post',
  path: '/api/v1/template/',
  tags: ['Template'],
  summary: '5.1 Create Template',
  description:
    'Column names are unique ignoring case; data types: String, Integer, Float, Boolean, Date (YYYY-MM-DD), ' +
    'DateTime (ISO 8601; no zone = UTC). A default must fit its type. `nullable` (not in the seed) allows empty cells.',
  request: { body: { required: true, content: json(CreateTemplateBody) } },
  responses: {
    201: { description: 'Created (version 1)', content: json(CreateTemplateResponse) },
    409: error('A template with this name exists in the tenant'),
    422: error('Invalid body: duplicate column, unknown type, default not of its type'),
  },
});

export const listTemplates = protectedRoute(PERMISSIONS.readTemplates, {
  method: 'get',
  path: '/api/v1/template/list',
  tags: ['Template'],
  summary: '5.2 Get All Templates',
  description: 'Paged by id (`limit`, `offset`, keyset cursor `after`); without parameters the first 1000 templates, as the seed.',
  request: { query: ListPageQuery },
  responses: { 200: { description: "The tenant's templates", content: json(GetAllTemplatesResponse) } },
});

export const getTemplate = protectedRoute(PERMISSIONS.readTemplates, {
  method: 'get',
  path: '/api/v1/template/{template_id}',
  tags: ['Template'],
  summary: '5.3 Get Template',
  description: 'The current version of the template.',
  request: { params: TemplateIdParams },
  responses: {
    200: { description: 'The template and its schema', content: json(GetTemplateResponse) },
    404: error("No such template in the caller's tenant"),
  },
});

export const updateTemplate = protectedRoute(PERMISSIONS.manageTemplates, {
  method: 'put',
  path: '/api/v1/template/update/{template_id}',
  tags: ['Template'],
  summary: '5.4 Update Template',
  description:
    'Creates a new version of the template. Datasets keep the version they were validated against; new uploads ' +
    'use the new version. Omitting template_schema keeps the columns.',
  request: { params: TemplateIdParams, body: { required: true, content: json(UpdateTemplateBody) } },
  responses: {
    200: { description: 'The new version', content: json(UpdateTemplateResponse) },
    404: error("No such template in the caller's tenant"),
    409: error('Another template of the tenant has this name'),
    422: error('Invalid body'),
  },
});

export const deleteTemplate = protectedRoute(PERMISSIONS.deleteTemplate, {
  method: 'delete',
  path: '/api/v1/template/{template_id}',
  tags: ['Template'],
  summary: '5.5 Delete Template',
  request: { params: TemplateIdParams },
  responses: {
    200: { description: 'Deleted', content: json(DeleteTemplateResponse) },
    404: error("No such template in the caller's tenant"),
    409: error('Datasets use this template (delete them first)'),
  },
});
