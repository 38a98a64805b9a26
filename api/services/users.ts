// Users (2.x): creating one, with its tenant and built-in roles on first use.
import { ALL_PERMISSIONS, BUILTIN_ROLES } from '../../contracts/permissions.js';
import { UserResponse, type CreateUserBody } from '../../contracts/users.js';
import { assignRoles, findRolesByNames, seedBuiltinRbac } from '../../db/repositories/rbac.js';
import { ensureTenant } from '../../db/repositories/tenants.js';
import { countTenantUsers, insertUser, userConflictField } from '../../db/repositories/users.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppDeps, Principal } from '../deps.js';
import { conflict, forbidden } from '../errors.js';

export async function createUser(deps: AppDeps, principal: Principal, body: CreateUserBody) {
  if (body.tenant_id !== principal.tenantId && !principal.isPlatformAdmin) {
    throw forbidden('You may only create users in your own tenant');
  }
  const passwordHash = await hashPassword(body.password);
  try {
    const user = await deps.db.transaction().execute(async (trx) => {
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
      await assignRoles(
        trx,
        created.id,
        roles.map((r) => r.id),
      );
      return created;
    });
    deps.auth.invalidate(body.tenant_id);
    return UserResponse.parse(user);
  } catch (err) {
    const field = userConflictField(err);
    if (field) throw conflict(`A user with this ${field} already exists`, { field });
    throw err;
  }
}
