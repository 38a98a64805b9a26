// ETag / Cache-Control on GET answers and the per-tenant / per-token rate limits (Postgres store), on the real
// stack's Postgres. Rate-limited requests here carry an invalid body: they are counted (the limit runs before
// validation) and start nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTenant, userWith } from '../support/identity.js';
import { buildTestApp, uniq } from '../support/stack.js';

describe('ETag and Cache-Control', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;
  beforeAll(async () => {
    t = await buildTestApp();
    token = (await userWith(t.deps, await newTenant(t.deps), 'all')).token;
  }, 60_000);
  afterAll(async () => t?.close());

  it('answers a list with a weak ETag, 304 to If-None-Match, and a new ETag once the list changes', async () => {
    const first = await t.call('/api/v1/template/list', { token });
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');

    const again = await t.call('/api/v1/template/list', { token, headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('cache-control')).toBe('private, no-cache');

    const created = await t.call('/api/v1/template/', {
      method: 'POST',
      token,
      json: { template_name: uniq('tpl'), template_schema: [{ column_name: 'a', data_type: 'Integer', nullable: true }] },
    });
    expect(created.status).toBe(201);
    const changed = await t.call('/api/v1/template/list', { token, headers: { 'if-none-match': tag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);

    // A detail too; a non-GET answer carries none.
    const id = ((await created.json()) as any).id;
    const detail = await t.call(`/api/v1/template/${id}`, { token });
    expect(detail.headers.get('etag')).toMatch(/^W\//);
    expect(created.headers.get('etag')).toBeNull();
  });
});

describe('rate limits', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp({ RATE_LIMIT_TRAIN_PER_TOKEN: '2', RATE_LIMIT_TRAIN_PER_TENANT: '3', RATE_LIMIT_WINDOW_SECONDS: '300' });
  }, 60_000);
  afterAll(async () => t?.close());

  const train = (token: string) => t.call('/api/v1/train/', { method: 'POST', token, json: {} });

  it('limits a token, then its tenant, with 429, Retry-After and the error envelope; other tenants are not affected', async () => {
    const tenant = await newTenant(t.deps);
    const a = (await userWith(t.deps, tenant, 'all')).token;
    const b = (await userWith(t.deps, tenant, 'all')).token;
    expect((await train(a)).status).toBe(422);
    expect((await train(a)).status).toBe(422);

    const overToken = await train(a);
    expect(overToken.status).toBe(429);
    const retryAfter = Number(overToken.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    const body = (await overToken.json()) as any;
    expect(body.error.code).toBe('too_many_requests');
    expect(body.error.message).toContain('token');
    expect(body.request_id).toBeTypeOf('string');

    // Token b has used nothing, but the tenant's 3 are spent (a's third request counted for the tenant).
    const overTenant = await train(b);
    expect(overTenant.status).toBe(429);
    expect(((await overTenant.json()) as any).error.message).toContain('tenant');

    const other = (await userWith(t.deps, await newTenant(t.deps), 'all')).token;
    expect((await train(other)).status).toBe(422);
    // Routes without a limit are not counted.
    expect((await t.call('/api/v1/train/list', { token: a })).status).toBe(200);
  });

  it('shares the counts between API processes (one Postgres table)', async () => {
    const second = await buildTestApp({
      RATE_LIMIT_TRAIN_PER_TOKEN: '2',
      RATE_LIMIT_TRAIN_PER_TENANT: '3',
      RATE_LIMIT_WINDOW_SECONDS: '300',
    });
    try {
      const token = (await userWith(t.deps, await newTenant(t.deps), 'all')).token;
      expect((await train(token)).status).toBe(422);
      expect((await second.call('/api/v1/train/', { method: 'POST', token, json: {} })).status).toBe(422);
      expect((await train(token)).status).toBe(429);
    } finally {
      await second.close();
    }
  });
});
