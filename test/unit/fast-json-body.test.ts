// The 9.1 body reader over a real Node HTTP server: the validator sees the body it read, malformed JSON is a 400,
// an oversized body a 413, and without a Node request (app.request) the normal path still works.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpError } from '../../api/errors.js';
import { createRouter } from '../../api/openapi-hono.js';
import { readJsonBody } from '../../api/middleware/fast-json-body.js';

const route = createRoute({
  method: 'post',
  path: '/p/',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ a: z.number() }) } } } },
  responses: { 200: { description: 'ok' } },
});

const app = createRouter();
app.use('/p/', async (c, next) => {
  await readJsonBody(c as never);
  return next();
});
// `cached`: what Hono's body cache holds once the validator has read the body. Only the text entry that
// c.req.json() looks up keeps it off the slow path (a web Request, or a Response re-serialising the body).
app.openapi(
  route,
  (c) =>
    c.json(
      {
        a: c.req.valid('json').a,
        viaNode: Boolean((c.env as any)?.incoming),
        cached: Object.keys((c.req as unknown as { bodyCache: object }).bodyCache),
      },
      200,
    ) as never,
);
app.onError((err, c) => c.json({ code: (err as HttpError).code }, (err as HttpError).status ?? 500));

describe('readJsonBody', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer(getRequestListener(app.fetch));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const post = (body: string) => fetch(`${base}/p/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('hands the parsed body to the validator', async () => {
    const r = await post('{"a": 7}');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ a: 7, viaNode: true, cached: ['text'] });
    expect((await post('{"a": "x"}')).status).toBe(422);
  });

  it('rejects malformed and oversized bodies', async () => {
    expect((await post('{"a": ')).status).toBe(400);
    expect((await post(JSON.stringify({ a: 1, pad: 'x'.repeat(1_100_000) }))).status).toBe(413);
  });

  it('leaves requests without a Node request alone', async () => {
    const r = await app.request('/p/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a": 3}' });
    expect(await r.json()).toMatchObject({ a: 3, viaNode: false });
  });
});
