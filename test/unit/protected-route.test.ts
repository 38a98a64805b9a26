// protectedRoute / authenticatedRoute without a stack: what they put in the OpenAPI document, and the 401s
// decided before any database access (missing, malformed, forged, expired, alg:none tokens).
import { randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { authenticatedRoute, protectedRoute } from '../../api/auth/protected-route.js';
import { AuthService, JWT_AUDIENCE, JWT_ISSUER } from '../../api/auth/service.js';
import type { AppDeps } from '../../api/deps.js';
import { createLogger } from '../../api/logger.js';
import { createRouter } from '../../api/openapi-hono.js';
import { loadConfig } from '../../config/config.js';

const SECRET = 'unit-test-secret-unit-test-secret-0123456789';
const config = loadConfig({ DATAML_MODE: 'test', JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
// No database: every token here is refused before the principal would be read.
const deps = {
  config,
  log: createLogger('silent', 'unit'),
  db: undefined,
  auth: new AuthService(undefined as never, config),
} as unknown as AppDeps;

const ok = z.object({ ok: z.boolean() });
const guarded = protectedRoute('can_read_models', {
  method: 'get',
  path: '/unit/guarded/{id}',
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: 'ok', content: { 'application/json': { schema: ok } } } },
});
const self = authenticatedRoute({
  method: 'get',
  path: '/unit/self',
  responses: { 200: { description: 'ok', content: { 'application/json': { schema: ok } } } },
});
const router = createRouter()
  .openapi(guarded, (c) => c.json({ ok: c.var.principal.permissions.has('can_read_models') }, 200))
  .openapi(self, (c) => c.json({ ok: Boolean(c.var.principal.userId) }, 200));

describe('protectedRoute', () => {
  it('documents bearer auth, the permission, and the 401/403 answers', () => {
    const doc = router.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const op = doc.paths!['/unit/guarded/{id}']!.get as Record<string, any>;
    expect(op['x-permission']).toBe('can_read_models');
    expect(op.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '401', '403']);
    expect(op).not.toHaveProperty('middleware');
    const selfOp = doc.paths!['/unit/self']!.get as Record<string, any>;
    expect(selfOp['x-permission']).toBeUndefined();
    expect(selfOp['x-authenticated']).toBe(true);
    expect(selfOp.security).toEqual([{ bearerAuth: [] }]);
  });

  it('answers 401 (never 500) for missing, malformed, forged, expired and unsigned tokens', async () => {
    // Mount the test router on a real app (its error handler turns HttpError into JSON).
    const app = createApp(deps);
    app.route('/', router);
    const key = new TextEncoder().encode(SECRET);
    const claims = { tid: '00000000-0000-0000-0000-000000000001', sid: '00000000-0000-0000-0000-000000000002' };
    const base = () => new SignJWT(claims).setSubject('1').setJti('j').setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setIssuedAt();
    const tokens = {
      expired: await base()
        .setProtectedHeader({ alg: 'HS256' })
        .setExpirationTime(Math.floor(Date.now() / 1000) - 5)
        .sign(key),
      otherKey: await base().setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(randomBytes(32)),
      none: new UnsecuredJWT(claims)
        .setSubject('1')
        .setJti('j')
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setExpirationTime('5m')
        .encode(),
      wrongIssuer: await base().setIssuer('evil').setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(key),
      garbage: 'a.b.c',
      notJwt: 'hello',
    };
    for (const path of ['/unit/guarded/1', '/unit/self']) {
      expect((await app.request(path)).status).toBe(401);
      expect((await app.request(path, { headers: { authorization: 'Basic Zm9vOmJhcg==' } })).status).toBe(401);
      for (const [name, token] of Object.entries(tokens)) {
        const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status, `${path} ${name}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect((await res.json()).error.code).toBe('unauthorized');
      }
    }
  });
});
