// The caller's own profile for GET /api/v1/me: user, role names, permission names and, for those who may read
// jobs, the addresses of the job dashboards (configuration an operator sets, not secrets).
import type { MeResponse } from '../../contracts/me.js';
import { PERMISSIONS } from '../../contracts/permissions.js';
import { userRoles } from '../../db/repositories/rbac.js';
import { findUserById } from '../../db/repositories/users.js';
import type { AppDeps, Principal } from '../deps.js';
import { unauthorized } from '../errors.js';

export async function describeCaller(deps: AppDeps, principal: Principal): Promise<MeResponse> {
  const [user, roles] = await Promise.all([findUserById(deps.db, principal.userId), userRoles(deps.db, principal.userId)]);
  if (!user) throw unauthorized('User no longer exists');
  const { temporal, ray } = deps.config;
  return {
    ...user,
    roles: roles.map((r) => r.name),
    permissions: [...principal.permissions].sort(),
    links: principal.permissions.has(PERMISSIONS.readJobs)
      ? { temporal_ui: temporal.uiUrl, temporal_namespace: temporal.namespace, ray_dashboard: ray.address }
      : null,
  };
}
