// Password resets (1.6): a user's own (checked like a login, throttled alike) or another's (manage-users).
import { PERMISSIONS } from '../../contracts/permissions.js';
import { revokeUserFamilies } from '../../db/repositories/tokens.js';
import { findUserByUsername, findUserForLogin, setPasswordHash } from '../../db/repositories/users.js';
import { assertLoginAllowed, recordPasswordFailure } from '../auth/login-throttle.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { assertPermission } from '../auth/protected-route.js';
import type { AppDeps, Principal } from '../deps.js';
import { forbidden, notFound, unprocessable } from '../errors.js';

export async function resetUserPassword(
  deps: AppDeps,
  principal: Principal,
  req: { userName: string; newPassword: string; currentPassword: string | undefined; clientIp: string | null },
): Promise<void> {
  const { db, config } = deps;
  const target = await findUserByUsername(db, req.userName);
  // Another tenant's user does not exist for the caller (the platform administrator sees every tenant).
  if (!target || (target.tenant_id !== principal.tenantId && !principal.isPlatformAdmin)) throw notFound('User');
  const self = target.id === principal.userId;
  if (!self) assertPermission(principal, PERMISSIONS.manageUsers);
  else {
    // A token alone does not change a password: the current one is a password check like login's, throttled alike.
    if (req.currentPassword === undefined) {
      throw unprocessable('current_password: required to change your own password', [
        { path: 'current_password', message: 'required to change your own password', code: 'required' },
      ]);
    }
    const key = { username: target.username, clientIp: req.clientIp };
    await assertLoginAllowed(db, config, key);
    const credentials = await findUserForLogin(db, target.username);
    if (!credentials || !(await verifyPassword(credentials.password_hash, req.currentPassword))) {
      await recordPasswordFailure(db, config, key);
      throw forbidden('The current password is incorrect');
    }
  }
  const passwordHash = await hashPassword(req.newPassword);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, target.id, passwordHash);
    // Every other session of the user ends; the caller keeps the session they reset from.
    await revokeUserFamilies(trx, target.id, 'password reset', self ? principal.sessionId : undefined);
  });
  deps.auth.invalidate(target.tenant_id);
}
