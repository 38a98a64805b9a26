import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import * as webhooks from '../../services/webhooks.js';
import type * as r from './webhooks.routes.js';

export const createWebhookHandler: RouteHandler<typeof r.createWebhook, AuthedEnv> = async (c) =>
  c.json(await webhooks.createWebhook(c.get('deps'), c.get('principal'), c.req.valid('json')), 201);

export const listWebhooksHandler: RouteHandler<typeof r.listWebhooks, AuthedEnv> = async (c) =>
  c.json(await webhooks.listWebhooks(c.get('deps'), c.get('principal').tenantId), 200);

export const getWebhookHandler: RouteHandler<typeof r.getWebhook, AuthedEnv> = async (c) =>
  c.json(await webhooks.getWebhook(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').webhook_id), 200);

export const updateWebhookHandler: RouteHandler<typeof r.updateWebhook, AuthedEnv> = async (c) =>
  c.json(
    await webhooks.updateWebhook(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').webhook_id, c.req.valid('json')),
    200,
  );

export const deleteWebhookHandler: RouteHandler<typeof r.deleteWebhook, AuthedEnv> = async (c) =>
  c.json(await webhooks.deleteWebhook(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').webhook_id), 200);

export const listDeliveriesHandler: RouteHandler<typeof r.listDeliveries, AuthedEnv> = async (c) =>
  c.json(
    await webhooks.listDeliveries(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').webhook_id, c.req.valid('query')),
    200,
  );

export const pingWebhookHandler: RouteHandler<typeof r.pingWebhook, AuthedEnv> = async (c) =>
  c.json(await webhooks.pingWebhook(c.get('deps'), c.get('principal'), c.req.valid('param').webhook_id), 202);
