// First start: the default tenant and its administrator (the platform administrator), from configuration.
// Every start: make sure every tenant holds the built-in permissions and roles (new modules add permissions).
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config/config.js';
import { ALL_PERMISSIONS, BUILTIN_ROLES } from '../../contracts/permissions.js';
import type { Database } from '../../db/database.js';
import { assignRoles, findRolesByNames, seedBuiltinRbac } from '../../db/repositories/rbac.js';
import { ensureTenant, listTenantIds } from '../../db/repositories/tenants.js';
import { countUsers, findUserByUsername, insertUser } from '../../db/repositories/users.js';
import { hashPassword } from './passwords.js';

const BOOTSTRAP_LOCK = 7_300_001; // pg advisory lock key: concurrent API starts bootstrap one at a time

export interface BootstrapResult {
  createdAdmin: boolean;
  adminUserId: number | undefined;
  tenantId: string | undefined;
}

export async function bootstrapIdentity(db: Kysely<Database>, config: Config): Promise<BootstrapResult> {
  if (config.mode === 'production' && config.auth.adminPassword === 'admin123') {
    throw new Error('Refusing to bootstrap: ADMIN_PASSWORD is the local default outside local mode.');
  }
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`.execute(trx);
    for (const tenantId of await listTenantIds(trx)) await seedBuiltinRbac(trx, tenantId, ALL_PERMISSIONS, BUILTIN_ROLES);
    if ((await countUsers(trx)) > 0) {
      const admin = await findUserByUsername(trx, config.auth.adminUsername);
      return { createdAdmin: false, adminUserId: admin?.id, tenantId: admin?.tenant_id };
    }
    const tenantId = randomUUID();
    await ensureTenant(trx, tenantId, 'default');
    await seedBuiltinRbac(trx, tenantId, ALL_PERMISSIONS, BUILTIN_ROLES);
    const admin = await insertUser(trx, {
      tenantId,
      username: config.auth.adminUsername,
      email: config.auth.adminEmail,
      firstName: 'Platform',
      lastName: 'Administrator',
      passwordHash: await hashPassword(config.auth.adminPassword),
      isPlatformAdmin: true,
    });
    const roles = await findRolesByNames(trx, tenantId, ['admin']);
    await assignRoles(
      trx,
      admin.id,
      roles.map((r) => r.id),
    );
    return { createdAdmin: true, adminUserId: admin.id, tenantId };
  });
}
