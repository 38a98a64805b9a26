import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import type { validateToken } from './auth.routes.js';

// Authentication itself happened in the route's middleware.
export const validateTokenHandler: RouteHandler<typeof validateToken, AuthedEnv> = (c) =>
  c.json({ status: 'success' as const, message: 'Token is valid.' }, 200);
