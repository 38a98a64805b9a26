import { createRouter } from '../../openapi-hono.js';
import {
  assignUserRolesHandler,
  attachRolePermissionsHandler,
  createPermissionHandler,
  createRoleHandler,
  listPermissionsHandler,
  listRolesHandler,
  readUserRolesHandler,
} from './rbac.handlers.js';
import {
  assignUserRoles,
  attachRolePermissions,
  createPermission,
  createRole,
  listPermissions,
  listRoles,
  readUserRoles,
} from './rbac.routes.js';

export const rbacRouter = createRouter()
  .openapi(createRole, createRoleHandler)
  .openapi(createPermission, createPermissionHandler)
  .openapi(listRoles, listRolesHandler)
  .openapi(listPermissions, listPermissionsHandler)
  .openapi(attachRolePermissions, attachRolePermissionsHandler)
  .openapi(assignUserRoles, assignUserRolesHandler)
  .openapi(readUserRoles, readUserRolesHandler);
