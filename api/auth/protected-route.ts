// The one way a route is protected. Every module declares its routes with protectedRoute(permission, {...})
// (or authenticatedRoute for the few self-service routes any signed-in user may call); the route-table
// test reads `x-permission` / `security` back from the OpenAPI document to check every route.
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ErrorResponse } from '../../contracts/common.js';
import type { Permission } from '../../contracts/permissions.js';
import type { AppEnv, Principal } from '../deps.js';
import { forbidden } from '../errors.js';
import { answersJson, cacheValidators } from '../middleware/cache-validators.js';
import { idempotency } from '../middleware/idempotency.js';
import type { RateKind } from '../rate-limits.js';

/** What a handler behind requireAuth/requirePermission sees: the principal is always set. */
export interface AuthedEnv {
  Variables: AppEnv['Variables'] & { principal: Principal };
}

/** 401 unless the bearer token is valid, unexpired, unrevoked and its user active; sets c.get('principal'). */
export const requireAuth = () =>
  createMiddleware<AuthedEnv>(async (c, next) => {
    const principal = await c.get('deps').auth.authenticate(c.req.header('authorization'));
    c.set('principal', principal);
    await next();
  });

/** The 403 every permission check answers: it names the missing permission. */
export const missingPermission = (permission: string) =>
  forbidden(`Missing permission: ${permission}`, { required_permission: permission });

export function assertPermission(principal: Principal, permission: Permission | string): void {
  if (!principal.permissions.has(permission)) throw missingPermission(permission);
}

/**
 * requireAuth, then 403 naming `permission` unless the caller holds it, then the request counted against its
 * tenant's and token's `limit` (429 over them; no limit without a kind). One middleware, not three: each layer
 * is an async frame on every request of the route.
 */
export const requirePermission = (permission: Permission, limit?: RateKind) =>
  createMiddleware<AuthedEnv>(async (c, next) => {
    const deps = c.get('deps');
    const principal = await deps.auth.authenticate(c.req.header('authorization'));
    c.set('principal', principal);
    assertPermission(principal, permission);
    if (limit) await deps.rateLimits?.consume(limit, principal);
    await next();
  });

const errorContent = { 'application/json': { schema: ErrorResponse } };
const authResponses = {
  401: { description: 'Missing, malformed, expired or revoked bearer token, or inactive user', content: errorContent },
  403: { description: 'The caller lacks the required permission (named in the message)', content: errorContent },
} as const;

type ProtectableConfig = Omit<RouteConfig, 'path' | 'middleware' | 'security'> & {
  path: string;
  /** Puts the route under this kind's per-tenant and per-token limits (api/rate-limits.ts); named in the document. */
  'x-rate-limit'?: RateKind;
};

const rateLimitResponse = {
  429: {
    description: 'Over the rate limit of this tenant or token; retry after `Retry-After` seconds',
    headers: { 'Retry-After': { schema: { type: 'integer' as const }, description: 'Seconds to wait' } },
    content: errorContent,
  },
};

/** createRoute with bearer auth, the permission check as route middleware, and `x-permission` in the document. */
export function protectedRoute<const R extends ProtectableConfig>(permission: Permission, config: R) {
  const limit = config['x-rate-limit'];
  // Idempotency-Key for every protected route, after the permission check (it needs the caller); ETags for GET
  // routes answering JSON (typed as the first two: the ETag layer adds no variables).
  const guard: [MiddlewareHandler<AuthedEnv>, MiddlewareHandler<AuthedEnv>] = [requirePermission(permission, limit), idempotency()];
  const middleware = (config.method === 'get' && answersJson(config.responses) ? [...guard, cacheValidators()] : guard) as typeof guard;
  return createRoute({
    ...config,
    responses: { ...authResponses, ...(limit ? rateLimitResponse : {}), ...config.responses } as typeof authResponses & R['responses'],
    security: [{ bearerAuth: [] }],
    middleware,
    'x-permission': permission,
  });
}

/** createRoute for self-service routes that need a signed-in user but no particular permission. */
export function authenticatedRoute<const R extends ProtectableConfig>(config: R) {
  return createRoute({
    ...config,
    responses: { 401: authResponses[401], ...config.responses } as Pick<typeof authResponses, 401> & R['responses'],
    security: [{ bearerAuth: [] }],
    middleware: [requireAuth()] as const,
    'x-authenticated': true,
  });
}
