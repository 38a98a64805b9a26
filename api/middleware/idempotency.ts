// Idempotency-Key on every protected route (protectedRoute adds it after the permission check, so new routes
// get it by default): a request carrying the header is run once per tenant, user, route and key; a retry with
// the same key gets the first answer (with `Idempotent-Replayed: true`) and starts nothing, for 24 hours. A
// retry while the first request still runs gets 409 `idempotency_key_in_use` with Retry-After; the same key
// on another request (method, URL or JSON body) gets 422 `idempotency_key_reused`. Answers a retry might get
// differently (401, 403, 408, 409, 429, 5xx) are not kept: the key is released and the retry runs.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import {
  claimKey,
  deleteExpiredKeys,
  findAnswer,
  releaseKey,
  storeAnswer,
  type IdempotencyScope,
} from '../../db/repositories/idempotency.js';
import type { AppEnv, Principal } from '../deps.js';
import { HttpError } from '../errors.js';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** A pending key older than this belongs to a request that died with its process: it is taken over. */
const PENDING_STALE_SECONDS = 3600;
/** Larger answers are not kept (the key is released). */
const MAX_STORED_BYTES = 1024 * 1024;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const NOT_KEPT = new Set([401, 403, 408, 409, 429]);

/** Runs after the permission check, which sets the principal (the same env as protected-route.ts's AuthedEnv). */
type AuthedEnv = { Variables: AppEnv['Variables'] & { principal: Principal } };

export const idempotency = () =>
  createMiddleware<AuthedEnv>(async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new HttpError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
    }
    const { db } = c.get('deps');
    const p = c.get('principal');
    const scope: IdempotencyScope = { tenantId: p.tenantId, userId: String(p.userId), route: `${c.req.method} ${routePath(c)}`, key };
    const fingerprint = await fingerprintOf(c);
    if (!(await claimKey(db, scope, fingerprint, IDEMPOTENCY_TTL_SECONDS, PENDING_STALE_SECONDS))) {
      const first = await findAnswer(db, scope);
      if (first && first.fingerprint !== fingerprint) {
        throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another request; use a new key');
      }
      if (!first || first.state === 'pending') {
        throw new HttpError(409, 'idempotency_key_in_use', 'A request with this Idempotency-Key is still running; retry later', undefined, {
          'Retry-After': '1',
        });
      }
      return c.body(first.body ?? '', first.status as 200, { ...first.headers, 'Idempotent-Replayed': 'true' });
    }
    // One sweep in a hundred claims keeps the table at about a day of keys.
    if (Math.random() < 0.01) void deleteExpiredKeys(db, IDEMPOTENCY_TTL_SECONDS).catch(() => undefined);
    try {
      await next();
    } catch (err) {
      await releaseKey(db, scope).catch(() => undefined);
      throw err;
    }
    const res = c.res;
    const body = NOT_KEPT.has(res.status) || res.status >= 500 ? undefined : await res.clone().text();
    if (body === undefined || Buffer.byteLength(body) > MAX_STORED_BYTES) {
      await releaseKey(db, scope);
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'location']) {
      const v = res.headers.get(name);
      if (v) headers[name] = v;
    }
    await storeAnswer(db, scope, { status: res.status, headers, body });
  });

/** The request's identity: method, URL and, for JSON, the body (a multipart upload's content is not read). */
async function fingerprintOf(c: Context<AuthedEnv>): Promise<string> {
  const hash = createHash('sha256').update(`${c.req.method} ${c.req.url}\n`);
  // Parsed from the body cache (fast-json-body.ts has read it), so the handler can still read it.
  if (/json/i.test(c.req.header('content-type') ?? '')) hash.update(JSON.stringify(await c.req.json().catch(() => null)));
  return hash.digest('base64url');
}
