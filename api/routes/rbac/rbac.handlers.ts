import type { RouteHandler } from '@hono/zod-openapi';
import type { Principal } from '../../deps.js';
import {
  assignRoles,
  findPermissionsByIds,
  findPermissionsByNames,
  findRole,
  findRolesByIds,
  findRolesByNames,
  grantPermissions,
  insertPermission,
  insertRole,
  isRbacNameConflict,
  listPermissions,
  listRoles,
  rolePermissions,
  userRoles,
} from '../../../db/repositories/rbac.js';
import { tenantExists } from '../../../db/repositories/tenants.js';
import { findTenantUser } from '../../../db/repositories/users.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { conflict, forbidden, HttpError } from '../../errors.js';
import type {
  assignUserRoles,
  attachRolePermissions,
  createPermission,
  createRole,
  listPermissions as listPermissionsRoute,
  listRoles as listRolesRoute,
  readUserRoles,
} from './rbac.routes.js';

const notFoundNamed = (what: string, missing: (string | number)[]) =>
  new HttpError(404, 'not_found', `${what} not found: ${missing.join(', ')}`, { missing });

/** The body's tenant must be the caller's; the platform administrator may name any existing tenant. */
async function targetTenant(db: Kysely<Database>, principal: Principal, tenantId: string): Promise<string> {
  if (tenantId === principal.tenantId) return tenantId;
  if (!principal.isPlatformAdmin) throw forbidden('tenant_id must be your own tenant');
  if (!(await tenantExists(db, tenantId))) throw notFoundNamed('Tenant', [tenantId]);
  return tenantId;
}

/** The ids of what the body names (by id or by name) in the tenant; 404 naming every one that is not there. */
async function existingIds(
  what: string,
  wanted: { ids: number[] } | { names: string[] },
  find: { byIds: (ids: number[]) => Promise<Named[]>; byNames: (names: string[]) => Promise<Named[]> },
): Promise<number[]> {
  const found = 'ids' in wanted ? await find.byIds(wanted.ids) : await find.byNames(wanted.names);
  const missing =
    'ids' in wanted
      ? wanted.ids.filter((id) => !found.some((f) => f.id === id))
      : wanted.names.filter((n) => !found.some((f) => f.name === n));
  if (missing.length) throw notFoundNamed(what, missing);
  return found.map((f) => f.id);
}
type Named = { id: number; name: string };

async function named<T>(create: () => Promise<T>, what: string): Promise<T> {
  try {
    return await create();
  } catch (err) {
    if (isRbacNameConflict(err)) throw conflict(`A ${what} with this name already exists in the tenant`);
    throw err;
  }
}

export const createRoleHandler: RouteHandler<typeof createRole, AuthedEnv> = async (c) => {
  const body = c.req.valid('json');
  const tenantId = await targetTenant(c.get('deps').db, c.get('principal'), body.tenant_id);
  const role = await named(() => insertRole(c.get('deps').db, tenantId, body.name), 'role');
  return c.json(role, 201);
};

export const createPermissionHandler: RouteHandler<typeof createPermission, AuthedEnv> = async (c) => {
  const body = c.req.valid('json');
  const tenantId = await targetTenant(c.get('deps').db, c.get('principal'), body.tenant_id);
  const permission = await named(() => insertPermission(c.get('deps').db, tenantId, body.name), 'permission');
  return c.json(permission, 201);
};

export const listRolesHandler: RouteHandler<typeof listRolesRoute, AuthedEnv> = async (c) => {
  const data = await listRoles(c.get('deps').db, c.get('principal').tenantId);
  return c.json({ total: data.length, data }, 200);
};

export const listPermissionsHandler: RouteHandler<typeof listPermissionsRoute, AuthedEnv> = async (c) => {
  const data = await listPermissions(c.get('deps').db, c.get('principal').tenantId);
  return c.json({ total: data.length, data }, 200);
};

export const attachRolePermissionsHandler: RouteHandler<typeof attachRolePermissions, AuthedEnv> = async (c) => {
  const { role_id } = c.req.valid('param');
  const body = c.req.valid('json');
  const { db } = c.get('deps');
  const tenantId = c.get('principal').tenantId;
  const role = await findRole(db, tenantId, role_id);
  if (!role) throw notFoundNamed('Role', [role_id]);
  const ids = await existingIds('Permission', 'permission_ids' in body ? { ids: body.permission_ids } : { names: body.permission_names }, {
    byIds: (wanted) => findPermissionsByIds(db, tenantId, wanted),
    byNames: (wanted) => findPermissionsByNames(db, tenantId, wanted),
  });
  await grantPermissions(db, role.id, ids);
  c.get('deps').auth.invalidate(tenantId);
  return c.json({ ...role, permissions: await rolePermissions(db, role.id) }, 200);
};

export const assignUserRolesHandler: RouteHandler<typeof assignUserRoles, AuthedEnv> = async (c) => {
  const { user_id } = c.req.valid('param');
  const body = c.req.valid('json');
  const { db } = c.get('deps');
  const tenantId = c.get('principal').tenantId;
  const user = await findTenantUser(db, tenantId, user_id);
  if (!user) throw notFoundNamed('User', [user_id]);
  const ids = await existingIds('Role', 'role_ids' in body ? { ids: body.role_ids } : { names: body.role_names }, {
    byIds: (wanted) => findRolesByIds(db, tenantId, wanted),
    byNames: (wanted) => findRolesByNames(db, tenantId, wanted),
  });
  await assignRoles(db, user.id, ids);
  c.get('deps').auth.invalidate(tenantId);
  return c.json({ user_id: user.id, roles: await userRoles(db, user.id) }, 200);
};

export const readUserRolesHandler: RouteHandler<typeof readUserRoles, AuthedEnv> = async (c) => {
  const { user_id } = c.req.valid('param');
  const user = await findTenantUser(c.get('deps').db, c.get('principal').tenantId, user_id);
  if (!user) throw notFoundNamed('User', [user_id]);
  return c.json({ user_id: user.id, roles: await userRoles(c.get('deps').db, user.id) }, 200);
};
