// Webhook signatures, as Stripe's: `Dataml-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with
// the webhook's secret. The timestamp is signed with the body so that a receiver can refuse old replays; the
// event id header (Dataml-Event-Id) lets it drop the retries of a delivery it already handled.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Dataml-Signature';
export const EVENT_ID_HEADER = 'Dataml-Event-Id';

const hmac = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The header value for `body` sent at `timestamp` (seconds since the epoch). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * What a receiver does: true when one of the header's v1 signatures matches the body and the timestamp is within
 * `toleranceSeconds` of `now` (seconds). Constant-time comparison.
 */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string,
  now = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v!, 'hex'), expected));
}
