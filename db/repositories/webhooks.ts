import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../database.js';
import type { WebhooksTable } from '../tables/webhooks.js';

type Db = Kysely<Database> | Transaction<Database>;
export type WebhookRow = Selectable<WebhooksTable>;

// ---- endpoints

export function insertWebhook(
  db: Db,
  v: { tenantId: string; url: string; events: string[]; enabled: boolean; secret: string; description: string | null; createdBy: string },
): Promise<WebhookRow> {
  return db
    .insertInto('webhooks')
    .values({
      tenant_id: v.tenantId,
      url: v.url,
      events: v.events,
      enabled: v.enabled,
      secret: v.secret,
      description: v.description,
      created_by: v.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listWebhooks(db: Db, tenantId: string): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
}

export function findWebhook(db: Db, tenantId: string, id: number): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function updateWebhook(
  db: Db,
  tenantId: string,
  id: number,
  patch: Partial<{ url: string; events: string[]; enabled: boolean; description: string | null }>,
): Promise<WebhookRow | undefined> {
  return db
    .updateTable('webhooks')
    .set({ ...patch, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteWebhook(db: Db, tenantId: string, id: number): Promise<boolean> {
  const r = await db.deleteFrom('webhooks').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---- publishing

/**
 * Records the event and one delivery per enabled webhook of the tenant subscribed to it, once: a retried publish
 * (same event id) inserts nothing and returns the deliveries of the first. `webhookId` limits it to one webhook
 * (the ping, which no subscription names).
 */
export async function recordEventDeliveries(
  db: Kysely<Database>,
  e: { id: string; tenantId: string; event: string; payload: unknown; webhookId?: number },
  workflowId: (webhookId: number) => string,
): Promise<{ id: number; webhook_id: number; workflow_id: string }[]> {
  return db.transaction().execute(async (trx) => {
    const fresh = await trx
      .insertInto('webhook_events')
      .values({ id: e.id, tenant_id: e.tenantId, event: e.event, payload: JSON.stringify(e.payload) })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (fresh) {
      let hooks = trx.selectFrom('webhooks').select('id').where('tenant_id', '=', e.tenantId).where('enabled', '=', true);
      hooks = e.webhookId !== undefined ? hooks.where('id', '=', e.webhookId) : hooks.where(sql<boolean>`${e.event} = any(events)`);
      const ids = (await hooks.execute()).map((h) => h.id);
      if (ids.length > 0)
        await trx
          .insertInto('webhook_deliveries')
          .values(ids.map((id) => ({ tenant_id: e.tenantId, webhook_id: id, event_id: e.id, event: e.event, workflow_id: workflowId(id) })))
          .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
          .execute();
    }
    return trx
      .selectFrom('webhook_deliveries')
      .select(['id', 'webhook_id', 'workflow_id'])
      .where('event_id', '=', e.id)
      .orderBy('id')
      .execute();
  });
}

// ---- delivering

/** What one attempt needs; undefined when the webhook (and so the delivery) was deleted meanwhile. */
export function findDeliveryToSend(db: Db, deliveryId: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .select(['d.id', 'd.status', 'w.url', 'w.secret', 'w.enabled', 'e.id as event_id', 'e.event', 'e.payload'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

export async function recordAttempt(
  db: Db,
  a: { deliveryId: number; attempt: number; statusCode: number | null; error: string | null; durationMs: number },
): Promise<void> {
  const values = { status_code: a.statusCode, error: a.error, duration_ms: a.durationMs, created_at: new Date() };
  await db
    .insertInto('webhook_delivery_attempts')
    .values({ delivery_id: a.deliveryId, attempt: a.attempt, ...values })
    .onConflict((oc) => oc.columns(['delivery_id', 'attempt']).doUpdateSet(values))
    .execute();
}

export async function finishDelivery(db: Db, deliveryId: number, status: 'delivered' | 'failed' | 'skipped'): Promise<void> {
  await db.updateTable('webhook_deliveries').set({ status, finished_at: new Date() }).where('id', '=', deliveryId).execute();
}

// ---- the deliveries endpoint

export async function listDeliveries(db: Db, tenantId: string, webhookId: number, limit: number, before?: number) {
  let q = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (before !== undefined) q = q.where('id', '<', before);
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const attempts = page.length
    ? await db
        .selectFrom('webhook_delivery_attempts')
        .selectAll()
        .where(
          'delivery_id',
          'in',
          page.map((r) => r.id),
        )
        .orderBy('attempt')
        .execute()
    : [];
  return { rows: page, attempts, more: rows.length > limit };
}
