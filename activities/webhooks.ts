// Activities of webhooks (issue 15): record a published event with its deliveries, and make one delivery attempt.
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import { deliveryInputs, type WebhookDeliveryInput, type WebhookPayload, webhookWorkflowId } from '../contracts/webhooks.js';
import type { Database } from '../db/database.js';
import { findDeliveryToSend, finishDelivery, recordAttempt, recordEventDeliveries } from '../db/repositories/webhooks.js';
import { AddressRefused, addressPolicy } from '../integrations/webhook-address-guard.js';
import { sendWebhook } from '../integrations/webhook-sender.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook } from '../integrations/webhook-signature.js';

/** The failure type of a refused address: not retried (the next attempt would be refused the same way). */
export const REFUSED_FAILURE = 'WebhookAddressRefused';

export interface PublishedEvent {
  id: string;
  event: string;
  tenantId: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export function createWebhookActivities({ db, config }: { db: Kysely<Database>; config: Config }) {
  const policy = addressPolicy(config);
  return {
    /** Records the event and its deliveries (idempotent by event id) and returns the delivery workflows to start. */
    async recordWebhookEvent(e: PublishedEvent): Promise<(WebhookDeliveryInput & { workflowId: string })[]> {
      const payload: WebhookPayload = { id: e.id, event: e.event, created_at: e.createdAt, tenant_id: e.tenantId, data: e.data };
      const deliveries = await recordEventDeliveries(db, { id: e.id, tenantId: e.tenantId, event: e.event, payload }, (hook) =>
        webhookWorkflowId(e.tenantId, e.id, hook),
      );
      return deliveryInputs(config.webhooks, { tenantId: e.tenantId, eventId: e.id }, deliveries);
    },

    /**
     * One attempt: POSTs the event's JSON, signed, to the webhook's current URL, and logs the attempt. A non-2xx
     * answer or a connection error throws (Temporal retries with the workflow's policy); a refused address throws a
     * non-retryable failure. A webhook deleted or disabled meanwhile is skipped.
     */
    async deliverWebhook(input: { deliveryId: number; timeoutSeconds: number }): Promise<'delivered' | 'skipped'> {
      const d = await findDeliveryToSend(db, input.deliveryId);
      if (!d?.enabled) return 'skipped';
      const attempt = Context.current().info.attempt;
      const body = JSON.stringify(d.payload);
      const timestamp = Math.floor(Date.now() / 1000);
      const started = performance.now();
      let statusCode: number | null = null;
      let error: string | null = null;
      let refused = false;
      try {
        const answer = await sendWebhook({
          url: d.url,
          body,
          timeoutMs: input.timeoutSeconds * 1000,
          policy,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'dataml-webhooks/1',
            [SIGNATURE_HEADER]: signWebhook(d.secret, body, timestamp),
            [EVENT_ID_HEADER]: d.event_id,
            'Dataml-Event': d.event,
            'Dataml-Delivery-Attempt': String(attempt),
          },
        });
        statusCode = answer.status;
        if (answer.status < 200 || answer.status >= 300)
          error = `HTTP ${answer.status}${answer.excerpt ? `: ${answer.excerpt.slice(0, 200)}` : ''}`;
      } catch (err) {
        refused = err instanceof AddressRefused;
        error = refused ? `refused: ${(err as Error).message}` : (err as Error).message || String(err);
      }
      await recordAttempt(db, { deliveryId: d.id, attempt, statusCode, error, durationMs: Math.round(performance.now() - started) });
      // A refused address would be refused again: not retried.
      if (error)
        throw ApplicationFailure.create({
          type: refused ? REFUSED_FAILURE : 'WebhookDeliveryFailed',
          message: error,
          nonRetryable: refused,
        });
      return 'delivered';
    },

    async finishWebhookDelivery(input: { deliveryId: number; status: 'delivered' | 'failed' | 'skipped' }): Promise<void> {
      await finishDelivery(db, input.deliveryId, input.status);
    },
  };
}
