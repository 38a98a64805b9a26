import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface RoleRow {
  id: number;
  tenant_id: string;
  name: string;
}
export interface PermissionRow {
  id: number;
  tenant_id: string;
  name: string;
}

/** Unique-violation on (tenant_id, name) of roles or permissions. */
export function isRbacNameConflict(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && (e.constraint === 'roles_tenant_name_key' || e.constraint === 'permissions_tenant_name_key');
}

/**
 * Makes sure the tenant holds the built-in permissions and roles, and that each built-in role holds its
 * built-in permissions. Only adds: never removes what an administrator granted. Idempotent.
 */
export async function seedBuiltinRbac(
  db: Db,
  tenantId: string,
  permissions: readonly string[],
  roles: Record<string, readonly string[]>,
): Promise<void> {
  await db
    .insertInto('permissions')
    .values(permissions.map((name) => ({ tenant_id: tenantId, name, builtin: true })))
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .execute();
  const roleNames = Object.keys(roles);
  await db
    .insertInto('roles')
    .values(roleNames.map((name) => ({ tenant_id: tenantId, name, builtin: true })))
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .execute();
  for (const [role, perms] of Object.entries(roles)) {
    if (perms.length === 0) continue;
    await sql`
      insert into role_permissions (role_id, permission_id)
      select r.id, p.id from roles r join permissions p on p.tenant_id = r.tenant_id
      where r.tenant_id = ${tenantId} and r.name = ${role} and p.name = any(${sql.val([...perms])}::text[])
      on conflict do nothing`.execute(db);
  }
}

export async function insertRole(db: Db, tenantId: string, name: string): Promise<RoleRow> {
  return db.insertInto('roles').values({ tenant_id: tenantId, name }).returning(['id', 'tenant_id', 'name']).executeTakeFirstOrThrow();
}

export async function insertPermission(db: Db, tenantId: string, name: string): Promise<PermissionRow> {
  return db
    .insertInto('permissions')
    .values({ tenant_id: tenantId, name })
    .returning(['id', 'tenant_id', 'name'])
    .executeTakeFirstOrThrow();
}

export async function listRoles(db: Db, tenantId: string): Promise<RoleRow[]> {
  return db.selectFrom('roles').select(['id', 'tenant_id', 'name']).where('tenant_id', '=', tenantId).orderBy('id').execute();
}

export async function listPermissions(db: Db, tenantId: string): Promise<PermissionRow[]> {
  return db.selectFrom('permissions').select(['id', 'tenant_id', 'name']).where('tenant_id', '=', tenantId).orderBy('id').execute();
}

export async function findRole(db: Db, tenantId: string, roleId: number): Promise<RoleRow | undefined> {
  return db
    .selectFrom('roles')
    .select(['id', 'tenant_id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', roleId)
    .executeTakeFirst();
}

export async function findRolesByIds(db: Db, tenantId: string, ids: number[]): Promise<RoleRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('roles').select(['id', 'tenant_id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export async function findRolesByNames(db: Db, tenantId: string, names: string[]): Promise<RoleRow[]> {
  if (names.length === 0) return [];
  return db.selectFrom('roles').select(['id', 'tenant_id', 'name']).where('tenant_id', '=', tenantId).where('name', 'in', names).execute();
}

export async function findPermissionsByIds(db: Db, tenantId: string, ids: number[]): Promise<PermissionRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('permissions')
    .select(['id', 'tenant_id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

export async function findPermissionsByNames(db: Db, tenantId: string, names: string[]): Promise<PermissionRow[]> {
  if (names.length === 0) return [];
  return db
    .selectFrom('permissions')
    .select(['id', 'tenant_id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('name', 'in', names)
    .execute();
}

export async function grantPermissions(db: Db, roleId: number, permissionIds: number[]): Promise<void> {
  if (permissionIds.length === 0) return;
  await db
    .insertInto('role_permissions')
    .values(permissionIds.map((permission_id) => ({ role_id: roleId, permission_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function rolePermissions(db: Db, roleId: number): Promise<PermissionRow[]> {
  return db
    .selectFrom('role_permissions as rp')
    .innerJoin('permissions as p', 'p.id', 'rp.permission_id')
    .select(['p.id', 'p.tenant_id', 'p.name'])
    .where('rp.role_id', '=', roleId)
    .orderBy('p.id')
    .execute();
}

export async function assignRoles(db: Db, userId: number, roleIds: number[]): Promise<void> {
  if (roleIds.length === 0) return;
  await db
    .insertInto('user_roles')
    .values(roleIds.map((role_id) => ({ user_id: userId, role_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function userRoles(db: Db, userId: number): Promise<RoleRow[]> {
  return db
    .selectFrom('user_roles as ur')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .select(['r.id', 'r.tenant_id', 'r.name'])
    .where('ur.user_id', '=', userId)
    .orderBy('r.id')
    .execute();
}

export interface PrincipalRow {
  id: number;
  tenant_id: string;
  username: string;
  is_active: boolean;
  is_platform_admin: boolean;
  session_revoked: boolean;
  permissions: string[];
}

/**
 * Everything a request needs to know about its caller, in one round trip (primary-key lookups):
 * the user, whether the session (refresh-token family) named by the token is still alive, and the
 * names of all permissions granted through the user's roles.
 */
export async function loadPrincipal(db: Db, userId: number, sessionId: string): Promise<PrincipalRow | undefined> {
  const { rows } = await sql<PrincipalRow>`
    select u.id, u.tenant_id, u.username, u.is_active, u.is_platform_admin,
           (f.revoked_at is not null) as session_revoked,
           coalesce((select array_agg(distinct p.name)
                       from user_roles ur
                       join role_permissions rp on rp.role_id = ur.role_id
                       join permissions p on p.id = rp.permission_id
                      where ur.user_id = u.id), '{}') as permissions
      from users u
      join token_families f on f.id = ${sessionId}::uuid and f.user_id = u.id
     where u.id = ${userId}`.execute(db);
  return rows[0];
}
