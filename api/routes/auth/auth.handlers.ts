import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { describeCaller } from '../../services/me.js';
import type { me, validateToken } from './auth.routes.js';

// Authentication itself happened in the route's middleware.
export const validateTokenHandler: RouteHandler<typeof validateToken, AuthedEnv> = (c) =>
  c.json({ status: 'success' as const, message: 'Token is valid.' }, 200);

export const meHandler: RouteHandler<typeof me, AuthedEnv> = async (c) => {
  c.header('Cache-Control', 'no-store');
  return c.json(await describeCaller(c.get('deps'), c.get('principal')), 200);
};
