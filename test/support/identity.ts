// Identity fixtures for integration tests of any module: the bootstrap admin's token, and users of any
// tenant holding exactly the permissions a test wants (created through repositories: fast, no login limits).
import { randomUUID } from 'node:crypto';
import { bootstrapIdentity } from '../../api/auth/bootstrap.js';
import { hashPassword } from '../../api/auth/passwords.js';
import { IDENTITY_CHANNEL } from '../../api/change-feed/channels.js';
import type { AppDeps } from '../../api/deps.js';
import { ALL_PERMISSIONS, BUILTIN_ROLES } from '../../contracts/permissions.js';
import {
  assignRoles,
  findPermissionsByNames,
  grantPermissions,
  insertPermission,
  insertRole,
  seedBuiltinRbac,
} from '../../db/repositories/rbac.js';
import { ensureTenant } from '../../db/repositories/tenants.js';
import { insertUser } from '../../db/repositories/users.js';
import { changeFeedCaughtUp } from './change-feed.js';
import { uniq } from './stack.js';

type Deps = Pick<AppDeps, 'db' | 'config' | 'changeFeed' | 'auth'>;

export const TEST_PASSWORD = 'Correct-Horse-42';

/** Bootstraps (idempotent) and logs the platform administrator in without going through the login route. */
export async function adminSession(deps: Deps) {
  const boot = await bootstrapIdentity(deps.db, deps.config);
  const tokens = await deps.auth.startSession(deps.db, { id: boot.adminUserId!, tenantId: boot.tenantId! });
  return { userId: boot.adminUserId!, tenantId: boot.tenantId!, token: tokens.access_token, tokens };
}

/** A new tenant with the built-in permissions and roles. */
export async function newTenant(deps: Deps, tenantId: string = randomUUID()): Promise<string> {
  await ensureTenant(deps.db, tenantId, `tenant-${tenantId.slice(0, 8)}`);
  await seedBuiltinRbac(deps.db, tenantId, ALL_PERMISSIONS, BUILTIN_ROLES);
  deps.auth.invalidate(tenantId); // as the API does after its own identity writes (other processes hear NOTIFY)
  return tenantId;
}

let cachedHash: Promise<string> | undefined;

/**
 * A user in `tenantId` whose only role grants exactly `permissions` ('all' = every built-in permission),
 * with a live session. Password: TEST_PASSWORD.
 */
export async function userWith(deps: Deps, tenantId: string, permissions: readonly string[] | 'all', opts: { username?: string } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? uniq('u');
  const user = await insertUser(deps.db, { tenantId, username, email: `${username}@example.com`, passwordHash: await cachedHash });
  const wanted = permissions === 'all' ? [...ALL_PERMISSIONS] : [...permissions];
  const role = await insertRole(deps.db, tenantId, uniq('role'));
  const existing = await findPermissionsByNames(deps.db, tenantId, wanted);
  const ids = existing.map((p) => p.id);
  for (const name of wanted.filter((n) => !existing.some((p) => p.name === n)))
    ids.push((await insertPermission(deps.db, tenantId, name)).id);
  await grantPermissions(deps.db, role.id, ids);
  await assignRoles(deps.db, user.id, [role.id]);
  deps.auth.invalidate(tenantId);
  const tokens = await deps.auth.startSession(deps.db, { id: user.id, tenantId });
  return { user, username, password: TEST_PASSWORD, token: tokens.access_token, tokens, roleId: role.id };
}

/** Resolves once `deps`' change feed has heard every identity change committed before the call. */
export function identityFeedCaughtUp(deps: Pick<AppDeps, 'db' | 'changeFeed'>, timeoutMs = 5000): Promise<void> {
  return changeFeedCaughtUp(deps, IDENTITY_CHANNEL, timeoutMs);
}
