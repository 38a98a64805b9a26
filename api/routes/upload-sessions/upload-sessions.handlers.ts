import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import * as sessions from '../../services/upload-sessions.js';
import type { abortUploadSession, completeUploadSession, createUploadSession, getUploadSession } from './upload-sessions.routes.js';

export const createUploadSessionHandler: RouteHandler<typeof createUploadSession, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('query');
  return c.json(await sessions.createSession(c.get('deps'), c.get('principal'), dataset_id, c.req.valid('json')), 201);
};

export const getUploadSessionHandler: RouteHandler<typeof getUploadSession, AuthedEnv> = async (c) =>
  c.json(await sessions.getSession(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').session_id), 200);

export const completeUploadSessionHandler: RouteHandler<typeof completeUploadSession, AuthedEnv> = async (c) =>
  c.json(await sessions.completeSession(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').session_id), 201);

export const abortUploadSessionHandler: RouteHandler<typeof abortUploadSession, AuthedEnv> = async (c) => {
  await sessions.abortSession(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').session_id);
  return c.json({ status_code: 200, message: 'Upload session aborted' }, 200);
};
