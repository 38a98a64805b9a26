import { z } from '@hono/zod-openapi';
import { IdParam, IntId, queryInt, Timestamp } from './common.js';

// Webhooks (issue 15): a tenant's URLs that receive signed JSON events when its jobs finish.

/** The events a webhook may subscribe to. `drift.detected` is published by drift monitoring (workflows/events.ts). */
export const WEBHOOK_EVENTS = [
  'upload.validated',
  'upload.failed',
  'training.completed',
  'training.failed',
  'prediction.completed',
  'drift.detected',
] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS).openapi({ example: 'training.completed' });
export type WebhookEvent = z.infer<typeof WebhookEvent>;
/** Sent only by POST /api/v1/webhooks/{webhook_id}/test, to that webhook. */
export const PING_EVENT = 'webhook.ping';

const Url = z.string().trim().min(1).max(2048).openapi({ example: 'https://hooks.example.com/dataml' });
const Events = z
  .array(WebhookEvent)
  .min(1)
  .max(WEBHOOK_EVENTS.length)
  .refine((e) => new Set(e).size === e.length, 'each event at most once');

export const CreateWebhookBody = z
  .object({
    url: Url,
    events: Events,
    enabled: z.boolean().default(true),
    description: z.string().max(500).optional(),
  })
  .strict()
  .openapi('CreateWebhookBody');
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z
  .object({
    url: Url.optional(),
    events: Events.optional(),
    enabled: z.boolean().optional(),
    description: z.string().max(500).nullable().optional(),
  })
  .strict()
  .openapi('UpdateWebhookBody');
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBody>;

export const WebhookParams = z.object({
  webhook_id: IdParam.openapi({ param: { name: 'webhook_id', in: 'path' }, example: 1 }),
});

export const Webhook = z
  .object({
    id: IntId,
    url: z.string(),
    events: z.array(WebhookEvent),
    enabled: z.boolean(),
    description: z.string().nullable(),
    created_by: z.string(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Webhook');

export const CreatedWebhook = Webhook.extend({
  /** Shown once: signs every delivery (Dataml-Signature). Not returned by any other call. */
  secret: z.string().openapi({ example: 'whsec_5bX0…' }),
}).openapi('CreatedWebhook');

export const ListWebhooksResponse = z.object({ data: z.array(Webhook) }).openapi('ListWebhooksResponse');
export const DeletedWebhook = z.object({ id: IntId, message: z.string() }).openapi('DeletedWebhook');

export const DeliveryAttempt = z
  .object({
    attempt: z.number().int().positive(),
    /** The receiver's HTTP status; null when there was no answer (refused address, connection error, timeout). */
    status_code: z.number().int().nullable(),
    error: z.string().nullable(),
    duration_ms: z.number().int().nonnegative(),
    created_at: Timestamp,
  })
  .openapi('WebhookDeliveryAttempt');

export const Delivery = z
  .object({
    id: IntId,
    event_id: z.string(),
    event: z.string(),
    /** The delivery's Temporal workflow. */
    workflow_id: z.string(),
    /** pending (attempts left), delivered (a 2xx), failed (attempts exhausted or refused), skipped (webhook disabled). */
    status: z.enum(['pending', 'delivered', 'failed', 'skipped']),
    attempts: z.array(DeliveryAttempt),
    created_at: Timestamp,
    finished_at: Timestamp.nullable(),
  })
  .openapi('WebhookDelivery');

export const DeliveriesQuery = z.object({
  limit: queryInt(z.number().int().min(1).max(200)).default(50).openapi({ example: 50 }),
  /** Keyset cursor: only deliveries with a smaller id (pass the previous page's next_before). */
  before: queryInt(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)).optional(),
});

export const DeliveriesResponse = z
  .object({
    data: z.array(Delivery),
    next_before: z.number().int().nullable().openapi({ description: 'Pass as `before` for the next page; null on the last page' }),
  })
  .openapi('WebhookDeliveriesResponse');

export const PingResponse = z.object({ event_id: z.string(), delivery_id: IntId, workflow_id: z.string() }).openapi('WebhookPingResponse');

/** The JSON body of every delivery. */
export interface WebhookPayload {
  id: string;
  event: string;
  created_at: string;
  tenant_id: string;
  data: Record<string, unknown>;
}

/** One delivery's workflow: webhook-<tenant>-<event id>-<webhook id>. */
export const webhookWorkflowId = (tenantId: string, eventId: string, webhookId: number) => `webhook-${tenantId}-${eventId}-${webhookId}`;

/** The delivery workflow's input: which delivery, and the retry policy in force when the event was published. */
export interface WebhookDeliveryInput {
  deliveryId: number;
  tenantId: string;
  eventId: string;
  webhookId: number;
  timeoutSeconds: number;
  retry: { maximumAttempts: number; initialIntervalSeconds: number; maximumIntervalSeconds: number };
}

/** The delivery workflows' inputs for an event's deliveries, under the configured timeout and retry policy. */
export function deliveryInputs(
  settings: { timeoutSeconds: number; maxAttempts: number; retryInitialSeconds: number; retryMaxSeconds: number },
  e: { tenantId: string; eventId: string },
  deliveries: { id: number; webhook_id: number; workflow_id: string }[],
): (WebhookDeliveryInput & { workflowId: string })[] {
  return deliveries.map((d) => ({
    workflowId: d.workflow_id,
    deliveryId: d.id,
    tenantId: e.tenantId,
    eventId: e.eventId,
    webhookId: d.webhook_id,
    timeoutSeconds: settings.timeoutSeconds,
    retry: {
      maximumAttempts: settings.maxAttempts,
      initialIntervalSeconds: settings.retryInitialSeconds,
      maximumIntervalSeconds: settings.retryMaxSeconds,
    },
  }));
}
