import type { RouteHandler } from '@hono/zod-openapi';
import { BUILTIN_ROLES, ALL_PERMISSIONS } from '../../../contracts/permissions.js';
import { UserResponse } from '../../../contracts/users.js';
import { assignRoles, findRolesByNames, seedBuiltinRbac } from '../../../db/repositories/rbac.js';
import { ensureTenant } from '../../../db/repositories/tenants.js';
import { countTenantUsers, findTenantUser, insertUser, userConflictField } from '../../../db/repositories/users.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { hashPassword } from '../../auth/passwords.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import type { createUser, getUser, readUsers } from './users.routes.js';

export const createUserHandler: RouteHandler<typeof createUser, AuthedEnv> = async (c) => {
  const body = c.req.valid('json');
  const { db } = c.var.deps;
  const principal = c.var.principal;
  if (body.tenant_id !== principal.tenantId && !principal.isPlatformAdmin) {
    throw forbidden('You may only create users in your own tenant');
  }
  const passwordHash = await hashPassword(body.password);
  try {
    const user = await db.transaction().execute(async (trx) => {
      if (await ensureTenant(trx, body.tenant_id, body.tenant_id)) {
        await seedBuiltinRbac(trx, body.tenant_id, ALL_PERMISSIONS, BUILTIN_ROLES);
      }
      // The first user of a tenant administers it; everyone after starts read-only.
      const first = (await countTenantUsers(trx, body.tenant_id)) === 0;
      const created = await insertUser(trx, {
        tenantId: body.tenant_id,
        username: body.username,
        email: body.email,
        firstName: body.first_name,
        lastName: body.last_name,
        passwordHash,
      });
      const roles = await findRolesByNames(trx, body.tenant_id, [first ? 'admin' : 'viewer']);
      await assignRoles(trx, created.id, roles.map((r) => r.id));
      return created;
    });
    c.var.deps.auth.invalidate(body.tenant_id);
    return c.json(UserResponse.parse(user), 201);
  } catch (err) {
    const field = userConflictField(err);
    if (field) throw conflict(`A user with this ${field} already exists`, { field });
    throw err;
  }
};

export const readUsersHandler: RouteHandler<typeof readUsers, AuthedEnv> = async (c) => {
  // Served pre-serialized from the per-tenant cache; the shape is the route's UsersResponse.
  const body = await c.var.deps.userLists.body(c.var.principal.tenantId);
  return c.body(body, 200, { 'content-type': 'application/json' }) as never;
};

export const getUserHandler: RouteHandler<typeof getUser, AuthedEnv> = async (c) => {
  const { user_id } = c.req.valid('param');
  const user = await findTenantUser(c.var.deps.db, c.var.principal.tenantId, user_id);
  if (!user) throw notFound('User');
  return c.json(user, 200);
};
