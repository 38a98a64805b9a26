import { PERMISSIONS } from '../../../contracts/permissions.js';
import {
  AssignUserRolesBody,
  AssignUserRolesResponse,
  AttachRolePermissionsBody,
  AttachRolePermissionsResponse,
  CreatePermissionBody,
  CreatePermissionResponse,
  CreateRoleBody,
  CreateRoleResponse,
  ListPermissionsResponse,
  ListRolesResponse,
  RbacUserIdParams,
  ReadUserRolesResponse,
  RoleIdParams,
} from '../../../contracts/rbac.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';

export const createRole = protectedRoute(PERMISSIONS.manageRoles, {
  method: 'post',
  path: '/api/v1/rbac/roles/',
  tags: ['RBAC'],
  summary: '3.1 Create Role',
  description: "Creates a custom role in `tenant_id`, which must be the caller's tenant (the platform administrator: any existing tenant).",
  request: { body: { required: true, content: json(CreateRoleBody) } },
  responses: {
    201: { description: 'The created role', content: json(CreateRoleResponse) },
    403: error("Missing can_manage_roles, or another tenant's tenant_id"),
    404: error('No such tenant (platform administrator only)'),
    409: error('A role with this name already exists in the tenant'),
  },
});

export const createPermission = protectedRoute(PERMISSIONS.manageRoles, {
  method: 'post',
  path: '/api/v1/rbac/permissions/',
  tags: ['RBAC'],
  summary: '3.2 Create Permission',
  description:
    "Creates a custom permission in `tenant_id` (the caller's tenant; the platform administrator: any existing tenant). " +
    'Custom permissions can be attached to roles; built-in routes are gated by built-in permissions only.',
  request: { body: { required: true, content: json(CreatePermissionBody) } },
  responses: {
    201: { description: 'The created permission', content: json(CreatePermissionResponse) },
    403: error("Missing can_manage_roles, or another tenant's tenant_id"),
    404: error('No such tenant (platform administrator only)'),
    409: error('A permission with this name already exists in the tenant'),
  },
});

export const listRoles = protectedRoute(PERMISSIONS.manageRoles, {
  method: 'get',
  path: '/api/v1/rbac/roles/',
  tags: ['RBAC'],
  summary: "List the tenant's roles (not in the seed contract)",
  responses: { 200: { description: 'Roles', content: json(ListRolesResponse) } },
});

export const listPermissions = protectedRoute(PERMISSIONS.manageRoles, {
  method: 'get',
  path: '/api/v1/rbac/permissions/',
  tags: ['RBAC'],
  summary: "List the tenant's permissions (not in the seed contract)",
  responses: { 200: { description: 'Permissions', content: json(ListPermissionsResponse) } },
});

export const attachRolePermissions = protectedRoute(PERMISSIONS.manageRoles, {
  method: 'post',
  path: '/api/v1/rbac/roles/{role_id}/permissions',
  tags: ['RBAC'],
  summary: 'Attach permissions to a role (not in the seed contract)',
  description: 'By ids or by names. Adds to what the role holds; attaching a permission it already holds is a no-op.',
  request: { params: RoleIdParams, body: { required: true, content: json(AttachRolePermissionsBody) } },
  responses: {
    200: { description: 'The role with all its permissions', content: json(AttachRolePermissionsResponse) },
    404: error("No such role or permission in the caller's tenant"),
  },
});

export const assignUserRoles = protectedRoute(PERMISSIONS.manageRoles, {
  method: 'post',
  path: '/api/v1/rbac/users/{user_id}/roles',
  tags: ['RBAC'],
  summary: 'Give roles to a user (not in the seed contract)',
  description: 'By ids or by names. Adds to what the user holds.',
  request: { params: RbacUserIdParams, body: { required: true, content: json(AssignUserRolesBody) } },
  responses: {
    200: { description: "All the user's roles", content: json(AssignUserRolesResponse) },
    404: error("No such user or role in the caller's tenant"),
  },
});

export const readUserRoles = protectedRoute(PERMISSIONS.readUsers, {
  method: 'get',
  path: '/api/v1/rbac/users/{user_id}/roles',
  tags: ['RBAC'],
  summary: "Read a user's roles (not in the seed contract)",
  request: { params: RbacUserIdParams },
  responses: {
    200: { description: "The user's roles", content: json(ReadUserRolesResponse) },
    404: error("No such user in the caller's tenant"),
  },
});
