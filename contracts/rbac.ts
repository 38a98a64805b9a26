import { z } from '@hono/zod-openapi';
import { IdParam, IntId, TenantId } from './common.js';

const RbacName = z.string().trim().min(1).max(128);

// 3.1 Create Role
export const CreateRoleBody = z
  .object({ name: RbacName.openapi({ example: 'data_scientist' }), tenant_id: TenantId })
  .openapi('CreateRoleBody');
export type CreateRoleBody = z.infer<typeof CreateRoleBody>;

export const RoleResponse = z.object({ id: IntId, tenant_id: TenantId, name: z.string() }).openapi('RoleResponse');
export type RoleResponse = z.infer<typeof RoleResponse>;

export const CreateRoleResponse = RoleResponse.openapi('CreateRoleResponse');
export type CreateRoleResponse = z.infer<typeof CreateRoleResponse>;

// 3.2 Create Permission
export const CreatePermissionBody = z
  .object({ name: RbacName.openapi({ example: 'can_train_models' }), tenant_id: TenantId })
  .openapi('CreatePermissionBody');
export type CreatePermissionBody = z.infer<typeof CreatePermissionBody>;

export const PermissionResponse = z.object({ id: IntId, name: z.string(), tenant_id: TenantId }).openapi('PermissionResponse');
export type PermissionResponse = z.infer<typeof PermissionResponse>;

export const CreatePermissionResponse = PermissionResponse.openapi('CreatePermissionResponse');
export type CreatePermissionResponse = z.infer<typeof CreatePermissionResponse>;

// Endpoints below are not in the seed (documented extras); list envelopes follow 5.2/6.2 `{total, data}`.

// GET /api/v1/rbac/roles/
export const ListRolesResponse = z
  .object({ total: z.number().int().nonnegative(), data: z.array(RoleResponse) })
  .openapi('ListRolesResponse');
export type ListRolesResponse = z.infer<typeof ListRolesResponse>;

// GET /api/v1/rbac/permissions/
export const ListPermissionsResponse = z
  .object({ total: z.number().int().nonnegative(), data: z.array(PermissionResponse) })
  .openapi('ListPermissionsResponse');
export type ListPermissionsResponse = z.infer<typeof ListPermissionsResponse>;

// POST /api/v1/rbac/roles/{role_id}/permissions — by ids or by names, not both.
export const RoleIdParams = z.object({
  role_id: IdParam.openapi({ param: { name: 'role_id', in: 'path' }, example: 5 }),
});
export type RoleIdParams = z.infer<typeof RoleIdParams>;

export const AttachRolePermissionsBody = z
  .union([z.strictObject({ permission_ids: z.array(IntId).min(1) }), z.strictObject({ permission_names: z.array(RbacName).min(1) })])
  .openapi('AttachRolePermissionsBody');
export type AttachRolePermissionsBody = z.infer<typeof AttachRolePermissionsBody>;

/** A role with all the permissions it holds after the change. */
export const AttachRolePermissionsResponse = RoleResponse.extend({ permissions: z.array(PermissionResponse) }).openapi(
  'AttachRolePermissionsResponse',
);
export type AttachRolePermissionsResponse = z.infer<typeof AttachRolePermissionsResponse>;

// POST /api/v1/rbac/users/{user_id}/roles — by ids or by names, not both.
export const RbacUserIdParams = z.object({
  user_id: IdParam.openapi({ param: { name: 'user_id', in: 'path' }, example: 1 }),
});
export type RbacUserIdParams = z.infer<typeof RbacUserIdParams>;

export const AssignUserRolesBody = z
  .union([z.strictObject({ role_ids: z.array(IntId).min(1) }), z.strictObject({ role_names: z.array(RbacName).min(1) })])
  .openapi('AssignUserRolesBody');
export type AssignUserRolesBody = z.infer<typeof AssignUserRolesBody>;

/** All roles a user holds (after the change, for the POST). */
export const UserRolesResponse = z.object({ user_id: IntId, roles: z.array(RoleResponse) }).openapi('UserRolesResponse');
export type UserRolesResponse = z.infer<typeof UserRolesResponse>;

export const AssignUserRolesResponse = UserRolesResponse.openapi('AssignUserRolesResponse');
export type AssignUserRolesResponse = z.infer<typeof AssignUserRolesResponse>;

// GET /api/v1/rbac/users/{user_id}/roles
export const ReadUserRolesResponse = UserRolesResponse.openapi('ReadUserRolesResponse');
export type ReadUserRolesResponse = z.infer<typeof ReadUserRolesResponse>;
