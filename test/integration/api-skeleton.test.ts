// The API skeleton on the real stack: the contract's health check, readiness of every dependency,
// the OpenAPI document and docs, request ids, and the one error handler.
import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession } from '../support/identity.js';
import { buildTestApp, uniq } from '../support/stack.js';

describe('API skeleton', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp();
    // Routes that exist only in this test, to reach the error handler's branches.
    t.app.get('/__test/boom', () => {
      throw new Error('secret internal detail');
    });
    t.app.openapi(
      createRoute({
        method: 'post',
        path: '/__test/echo',
        request: { body: { content: { 'application/json': { schema: z.object({ n: z.number().int() }) } } } },
        responses: { 200: { description: 'echo', content: { 'application/json': { schema: z.object({ n: z.number() }) } } } },
      }),
      (c) => c.json({ n: c.req.valid('json').n }, 200),
    );
  });
  afterAll(async () => t?.close());

  it('answers the health check exactly as the contract says', async () => {
    const res = await t.call('/api/v1/utils/health-check/');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', message: 'Service is healthy.' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('reports every dependency ready', async () => {
    const res = await t.call('/api/v1/utils/readiness/');
    const body = (await res.json()) as { status: string; dependencies: Record<string, { ready: boolean; detail?: string }> };
    expect(Object.keys(body.dependencies).sort()).toEqual(['catalog', 'postgres', 'ray', 's3', 'temporal']);
    for (const [name, dep] of Object.entries(body.dependencies)) expect(dep.ready, `${name}: ${dep.detail}`).toBe(true);
    expect(res.status).toBe(200);
    expect(body.status).toBe('ready');
  });

  it('reports a dependency that is down, without hanging', async () => {
    const broken = await buildTestApp({ RAY_ADDRESS: 'http://127.0.0.1:9', S3_BUCKET: 'no-such-bucket-here' });
    try {
      const res = await broken.call('/api/v1/utils/readiness/');
      expect(res.status).toBe(503);
      const body = (await res.json()) as { dependencies: Record<string, { ready: boolean }> };
      expect(body.dependencies.ray.ready).toBe(false);
      expect(body.dependencies.s3.ready).toBe(false);
      expect(body.dependencies.postgres.ready).toBe(true);
    } finally {
      await broken.close();
    }
  });

  it('serves an OpenAPI 3.1 document and interactive docs', async () => {
    const doc = (await (await t.call('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/utils/health-check/']).toBeDefined();
    const docs = await t.call('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
    const asset = await t.call('/docs/assets/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
    expect((await t.call('/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.call('/api/v1/nope');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string }; request_id: string };
    expect(body.error.code).toBe('not_found');
    expect(body.request_id).toBe(res.headers.get('x-request-id'));
  });

  it('answers malformed JSON with 400 and invalid fields with 422', async () => {
    const bad = await t.call('/__test/echo', { method: 'POST', body: '{"n": 1', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    const invalid = await t.call('/__test/echo', { method: 'POST', json: { n: 'one' } });
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { error: { code: string; message: string; details: { path: string }[] } };
    expect(body.error.code).toBe('validation_error');
    expect(body.error.details[0]!.path).toBe('n');
    expect((await t.call('/__test/echo', { method: 'POST', json: { n: 3 } })).status).toBe(200);
  });

  it('hides internal errors behind a 500 without details', async () => {
    const res = await t.call('/__test/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret internal detail');
    expect(text).not.toContain('at ');
    expect(JSON.parse(text).error.code).toBe('internal_error');
  });
});

describe('API process', () => {
  it('leaves no AsyncLocalStorage enabled after connecting to Temporal, and still calls Temporal', async () => {
    const t = await buildTestApp();
    try {
      // Node 20 keeps promise hooks on while any AsyncLocalStorage is enabled (an internal flag, read on purpose).
      const connection = t.deps.temporal.connection as unknown as { callContextStorage: { enabled: boolean } };
      expect(connection.callContextStorage.enabled).toBe(false);
      const info = await t.deps.temporal.workflowService.getSystemInfo({});
      expect(info.serverVersion ?? info.capabilities).toBeTruthy();
    } finally {
      await t.close();
    }
  });
});

describe('API over a real socket', () => {
  it('sets X-Request-Id on the Node response, keeping a sane client id', async () => {
    const { listen } = await import('../../api/http-server.js');
    const t = await buildTestApp();
    const server = await listen(t.app, '127.0.0.1', 0);
    try {
      const port = (server.address() as { port: number }).port;
      const a = await fetch(`http://127.0.0.1:${port}/api/v1/utils/health-check/`);
      expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const b = await fetch(`http://127.0.0.1:${port}/api/v1/nope`, { headers: { 'x-request-id': 'client-42' } });
      expect(b.headers.get('x-request-id')).toBe('client-42');
      expect(((await b.json()) as { request_id: string }).request_id).toBe('client-42');
      const c = await fetch(`http://127.0.0.1:${port}/api/v1/utils/health-check/`, { headers: { 'x-request-id': 'bad id with spaces' } });
      expect(c.headers.get('x-request-id')).not.toBe('bad id with spaces');
    } finally {
      server.close();
      await t.close();
    }
  });

  it('JSON bodies read straight from Node reach the validators: valid, invalid, malformed, oversized', async () => {
    const { listen } = await import('../../api/http-server.js');
    const t = await buildTestApp();
    const server = await listen(t.app, '127.0.0.1', 0);
    try {
      const { token } = await adminSession(t.deps);
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v1/template/`;
      const post = (body: string) =>
        fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
      const name = uniq('sock');
      const ok = await post(JSON.stringify({ template_name: name, template_schema: [{ column_name: 'a', data_type: 'Integer' }] }));
      expect(ok.status).toBe(201);
      const created = (await ok.json()) as { id: number };
      const read = await fetch(`${url}${created.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await read.json()) as { template_name: string }).template_name).toBe(name);
      const invalid = await post(
        JSON.stringify({ template_name: uniq('sock'), template_schema: [{ column_name: 'a', data_type: 'Nope' }] }),
      );
      expect(invalid.status).toBe(422);
      const malformed = await post('{"template_name": ');
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('bad_request');
      const huge = await post(JSON.stringify({ template_name: 'x'.repeat(1_100_000), template_schema: [] }));
      expect(huge.status).toBe(413);
      expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    } finally {
      server.close();
      await t.close();
    }
  });
});
