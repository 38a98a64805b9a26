// Tables of webhooks (issue 15): a tenant's endpoints, the events published to them, one delivery per (event,
// webhook) and every attempt of each delivery.
import type { ColumnType, Generated } from 'kysely';

export interface WebhooksTable {
  id: Generated<number>;
  tenant_id: string;
  url: string;
  events: string[];
  enabled: boolean;
  /** Stored as-is: signing needs the secret itself (see docs/lifecycle.md#webhooks). */
  secret: string;
  description: string | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface WebhookEventsTable {
  /** The event id sent to receivers (Dataml-Event-Id): chosen by the publishing workflow. */
  id: string;
  tenant_id: string;
  event: string;
  /** The exact JSON body every delivery of the event sends. */
  payload: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, never, never>;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  tenant_id: string;
  webhook_id: number;
  event_id: string;
  event: string;
  workflow_id: string;
  /** pending | delivered | failed | skipped */
  status: Generated<string>;
  created_at: ColumnType<Date, never, never>;
  finished_at: Date | null;
}

export interface WebhookDeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  created_at: ColumnType<Date, never, Date>;
}

export interface WebhookTables {
  webhooks: WebhooksTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
}
