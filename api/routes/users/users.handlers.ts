import type { RouteHandler } from '@hono/zod-openapi';
import { findTenantUser } from '../../../db/repositories/users.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { notFound } from '../../errors.js';
import * as users from '../../services/users.js';
import type { createUser, getUser, readUsers } from './users.routes.js';

export const createUserHandler: RouteHandler<typeof createUser, AuthedEnv> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await users.createUser(c.get('deps'), c.get('principal'), body), 201);
};

export const readUsersHandler: RouteHandler<typeof readUsers, AuthedEnv> = async (c) => {
  // Served pre-serialized from the per-tenant cache; the shape is the route's UsersResponse.
  const body = await c.get('deps').userLists.body(c.get('principal').tenantId, c.req.valid('query'));
  return c.body(body, 200, { 'content-type': 'application/json' }) as never;
};

export const getUserHandler: RouteHandler<typeof getUser, AuthedEnv> = async (c) => {
  const { user_id } = c.req.valid('param');
  const user = await findTenantUser(c.get('deps').db, c.get('principal').tenantId, user_id);
  if (!user) throw notFound('User');
  return c.json(user, 200);
};
