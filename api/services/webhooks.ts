// Webhooks (issue 15): a tenant's endpoints, their deliveries, and the ping. Events are published by the workflows
// (workflows/events.ts); this module only manages endpoints and shows what was delivered.
import { randomBytes, randomUUID } from 'node:crypto';
import type { CreateWebhookBody, UpdateWebhookBody, WebhookEvent } from '../../contracts/webhooks.js';
import { deliveryInputs, PING_EVENT, webhookWorkflowId } from '../../contracts/webhooks.js';
import type { Config } from '../../config/config.js';
import * as repo from '../../db/repositories/webhooks.js';
import { type AddressPolicy, addressPolicy, registrationRefusal } from '../../integrations/webhook-address-guard.js';
import type { AppDeps, Principal } from '../deps.js';
import { notFound, unprocessable } from '../errors.js';
import { startJob } from '../temporal/start-job.js';

const policies = new WeakMap<Config, AddressPolicy>();
function policyOf(config: Config): AddressPolicy {
  let p = policies.get(config);
  if (!p) {
    p = addressPolicy(config);
    policies.set(config, p);
  }
  return p;
}

function checkUrl(config: Config, url: string) {
  const why = registrationRefusal(policyOf(config), url);
  if (why) throw unprocessable(`The webhook URL is not allowed: ${why}`, { field: 'url' });
}

const view = (w: repo.WebhookRow) => ({
  id: w.id,
  url: w.url,
  events: w.events as WebhookEvent[],
  enabled: w.enabled,
  description: w.description,
  created_by: w.created_by,
  created_at: w.created_at.toISOString(),
  updated_at: w.updated_at.toISOString(),
});

async function own(deps: AppDeps, tenantId: string, id: number) {
  const w = await repo.findWebhook(deps.db, tenantId, id);
  if (!w) throw notFound(`Webhook ${id}`);
  return w;
}

export async function createWebhook(deps: AppDeps, principal: Principal, body: CreateWebhookBody) {
  checkUrl(deps.config, body.url);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const row = await repo.insertWebhook(deps.db, {
    tenantId: principal.tenantId,
    url: body.url,
    events: body.events,
    enabled: body.enabled,
    secret,
    description: body.description ?? null,
    createdBy: principal.username,
  });
  return { ...view(row), secret };
}

export async function listWebhooks(deps: AppDeps, tenantId: string) {
  return { data: (await repo.listWebhooks(deps.db, tenantId)).map(view) };
}

export async function getWebhook(deps: AppDeps, tenantId: string, id: number) {
  return view(await own(deps, tenantId, id));
}

export async function updateWebhook(deps: AppDeps, tenantId: string, id: number, body: UpdateWebhookBody) {
  if (body.url !== undefined) checkUrl(deps.config, body.url);
  // An empty body changes nothing (and still answers 404 for another tenant's id).
  const row = Object.keys(body).length
    ? await repo.updateWebhook(deps.db, tenantId, id, body)
    : await repo.findWebhook(deps.db, tenantId, id);
  if (!row) throw notFound(`Webhook ${id}`);
  return view(row);
}

export async function deleteWebhook(deps: AppDeps, tenantId: string, id: number) {
  if (!(await repo.deleteWebhook(deps.db, tenantId, id))) throw notFound(`Webhook ${id}`);
  return { id, message: 'Webhook deleted; deliveries in progress stop at their next attempt' };
}

export async function listDeliveries(deps: AppDeps, tenantId: string, id: number, q: { limit: number; before?: number }) {
  await own(deps, tenantId, id);
  const { rows, attempts, more } = await repo.listDeliveries(deps.db, tenantId, id, q.limit, q.before);
  return {
    data: rows.map((d) => ({
      id: d.id,
      event_id: d.event_id,
      event: d.event,
      workflow_id: d.workflow_id,
      status: d.status as 'pending' | 'delivered' | 'failed' | 'skipped',
      attempts: attempts
        .filter((a) => a.delivery_id === d.id)
        .map((a) => ({
          attempt: a.attempt,
          status_code: a.status_code,
          error: a.error,
          duration_ms: a.duration_ms,
          created_at: a.created_at.toISOString(),
        })),
      created_at: d.created_at.toISOString(),
      finished_at: d.finished_at?.toISOString() ?? null,
    })),
    next_before: more ? rows[rows.length - 1]!.id : null,
  };
}

/** Sends a `webhook.ping` event to this webhook only (even when disabled it is skipped, as any event would be). */
export async function pingWebhook(deps: AppDeps, principal: Principal, id: number) {
  const { tenantId } = principal;
  await own(deps, tenantId, id);
  const eventId = `evt_${randomUUID()}`;
  const payload = {
    id: eventId,
    event: PING_EVENT,
    created_at: new Date().toISOString(),
    tenant_id: tenantId,
    data: { webhook_id: id, requested_by: principal.username },
  };
  const deliveries = await repo.recordEventDeliveries(
    deps.db,
    { id: eventId, tenantId, event: PING_EVENT, payload, webhookId: id },
    (hook) => webhookWorkflowId(tenantId, eventId, hook),
  );
  const [input] = deliveryInputs(deps.config.webhooks, { tenantId, eventId }, deliveries);
  if (!input) throw unprocessable('The webhook is disabled: enable it to ping it');
  const { workflowId, ...args } = input;
  await startJob(deps.temporal, deps.config, {
    workflow: 'webhookDeliveryWorkflow',
    workflowId,
    args: [args],
    kind: 'webhook_delivery',
    tenantId,
    resourceId: id,
  });
  return { event_id: eventId, delivery_id: input.deliveryId, workflow_id: workflowId };
}
