import { createRouter } from '../../openapi-hono.js';
import * as h from './webhooks.handlers.js';
import * as r from './webhooks.routes.js';

export const webhooksRouter = createRouter();
webhooksRouter
  .openapi(r.createWebhook, h.createWebhookHandler)
  .openapi(r.listWebhooks, h.listWebhooksHandler)
  .openapi(r.getWebhook, h.getWebhookHandler)
  .openapi(r.updateWebhook, h.updateWebhookHandler)
  .openapi(r.deleteWebhook, h.deleteWebhookHandler)
  .openapi(r.listDeliveries, h.listDeliveriesHandler)
  .openapi(r.pingWebhook, h.pingWebhookHandler);
