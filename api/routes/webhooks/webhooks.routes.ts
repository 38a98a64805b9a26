import { PERMISSIONS } from '../../../contracts/permissions.js';
import {
  CreatedWebhook,
  CreateWebhookBody,
  DeletedWebhook,
  DeliveriesQuery,
  DeliveriesResponse,
  ListWebhooksResponse,
  PingResponse,
  UpdateWebhookBody,
  Webhook,
  WebhookParams,
} from '../../../contracts/webhooks.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';

const tags = ['Webhooks'];
const base = '/api/v1/webhooks';
const notFound = error('No such webhook in your tenant');

export const createWebhook = protectedRoute(PERMISSIONS.manageWebhooks, {
  method: 'post',
  path: base,
  tags,
  summary: 'Register a webhook',
  description:
    'Events: upload.validated, upload.failed, training.completed, training.failed, prediction.completed, drift.detected. Each ' +
    'delivery POSTs `{id, event, created_at, tenant_id, data}` with `Dataml-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of ' +
    '"<t>.<body>">` under the webhook secret, which is returned here only, and `Dataml-Event-Id` for deduplication. A non-2xx ' +
    'answer is retried with exponential backoff. The URL must reach an address the operator allows (public addresses, and ' +
    'WEBHOOK_ALLOW): an IP literal or localhost outside it is refused here, any name again at each delivery.',
  request: { body: { required: true, content: json(CreateWebhookBody) } },
  responses: {
    201: { description: 'Created; `secret` is shown this once', content: json(CreatedWebhook) },
    422: error('Invalid body, or a URL whose address is not allowed'),
  },
});

export const listWebhooks = protectedRoute(PERMISSIONS.manageWebhooks, {
  method: 'get',
  path: base,
  tags,
  summary: "List the tenant's webhooks",
  request: {},
  responses: { 200: { description: 'The webhooks (without their secrets)', content: json(ListWebhooksResponse) } },
});

export const getWebhook = protectedRoute(PERMISSIONS.manageWebhooks, {
  method: 'get',
  path: `${base}/{webhook_id}`,
  tags,
  summary: 'A webhook',
  request: { params: WebhookParams },
  responses: { 200: { description: 'The webhook (without its secret)', content: json(Webhook) }, 404: notFound },
});

export const updateWebhook = protectedRoute(PERMISSIONS.manageWebhooks, {
  method: 'patch',
  path: `${base}/{webhook_id}`,
  tags,
  summary: "Change a webhook's URL, events, enabled flag or description",
  request: { params: WebhookParams, body: { required: true, content: json(UpdateWebhookBody) } },
  responses: {
    200: { description: 'The webhook', content: json(Webhook) },
    404: notFound,
    422: error('Invalid body, or a URL whose address is not allowed'),
  },
});

export const deleteWebhook = protectedRoute(PERMISSIONS.manageWebhooks, {
  method: 'delete',
  path: `${base}/{webhook_id}`,
  tags,
  summary: 'Delete a webhook and its delivery log',
  request: { params: WebhookParams },
  responses: { 200: { description: 'Deleted', content: json(DeletedWebhook) }, 404: notFound },
});

export const listDeliveries = protectedRoute(PERMISSIONS.manageWebhooks, {
  method: 'get',
  path: `${base}/{webhook_id}/deliveries`,
  tags,
  summary: "A webhook's deliveries and every attempt of each, newest first",
  request: { params: WebhookParams, query: DeliveriesQuery },
  responses: { 200: { description: 'The deliveries', content: json(DeliveriesResponse) }, 404: notFound },
});

export const pingWebhook = protectedRoute(PERMISSIONS.manageWebhooks, {
  method: 'post',
  path: `${base}/{webhook_id}/test`,
  tags,
  summary: 'Send a webhook.ping event to this webhook',
  description: 'Delivered like any event (signed, retried, logged in its deliveries).',
  request: { params: WebhookParams },
  responses: {
    202: { description: 'The ping is being delivered', content: json(PingResponse) },
    404: notFound,
    422: error('The webhook is disabled'),
  },
});
