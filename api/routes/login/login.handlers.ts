import { getConnInfo } from '@hono/node-server/conninfo';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { UserResponse } from '../../../contracts/users.js';
import { revokeUserFamilies } from '../../../db/repositories/tokens.js';
import { findUserById, findUserByUsername, findUserForLogin, setPasswordHash } from '../../../db/repositories/users.js';
import { assertPermission, type AuthedEnv } from '../../auth/protected-route.js';
import { assertLoginAllowed, recordPasswordFailure } from '../../auth/login-throttle.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { login, logout, refresh } from '../../auth/sessions.js';
import type { AppEnv } from '../../deps.js';
import { forbidden, notFound, unauthorized, unprocessable } from '../../errors.js';
import type { accessToken, logout as logoutRoute, refreshToken, resetPassword, testToken } from './login.routes.js';

/** The peer address of the socket (never a forwarded header, which a client could forge); null in-process. */
function clientIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export const accessTokenHandler: RouteHandler<typeof accessToken, AppEnv> = async (c) => {
  const form = c.req.valid('form');
  const { db, config } = c.var.deps;
  const tokens = await login(db, config, c.var.deps.auth, { username: form.username, password: form.password, clientIp: clientIp(c) });
  c.header('Cache-Control', 'no-store');
  return c.json(tokens, 200);
};

export const testTokenHandler: RouteHandler<typeof testToken, AuthedEnv> = async (c) => {
  const user = await findUserById(c.var.deps.db, c.var.principal.userId);
  if (!user) throw unauthorized('User no longer exists');
  return c.json(UserResponse.parse(user), 200);
};

export const refreshHandler: RouteHandler<typeof refreshToken, AppEnv> = async (c) => {
  const { refresh_token } = c.req.valid('query');
  const tokens = await refresh(c.var.deps.db, c.var.deps.auth, refresh_token);
  c.header('Cache-Control', 'no-store');
  return c.json(tokens, 200);
};

export const logoutHandler: RouteHandler<typeof logoutRoute, AppEnv> = async (c) => {
  const { refresh_token } = c.req.valid('query');
  await logout(c.var.deps.db, c.var.deps.auth, refresh_token);
  return c.json({ status: 200, message: 'User successfully logged out' }, 200);
};

export const resetPasswordHandler: RouteHandler<typeof resetPassword, AuthedEnv> = async (c) => {
  const { user_name, new_password, current_password } = c.req.valid('query');
  const { db, config } = c.var.deps;
  const principal = c.var.principal;
  const target = await findUserByUsername(db, user_name);
  // Another tenant's user does not exist for the caller (the platform administrator sees every tenant).
  if (!target || (target.tenant_id !== principal.tenantId && !principal.isPlatformAdmin)) throw notFound('User');
  const self = target.id === principal.userId;
  if (!self) assertPermission(principal, PERMISSIONS.manageUsers);
  else {
    // A token alone does not change a password: the current one is a password check like login's, throttled alike.
    if (current_password === undefined) {
      throw unprocessable('current_password: required to change your own password', [
        { path: 'current_password', message: 'required to change your own password', code: 'required' },
      ]);
    }
    const key = { username: target.username, clientIp: clientIp(c) };
    await assertLoginAllowed(db, config, key);
    const credentials = await findUserForLogin(db, target.username);
    if (!credentials || !(await verifyPassword(credentials.password_hash, current_password))) {
      await recordPasswordFailure(db, config, key);
      throw forbidden('The current password is incorrect');
    }
  }
  const passwordHash = await hashPassword(new_password);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, target.id, passwordHash);
    // Every other session of the user ends; the caller keeps the session they reset from.
    await revokeUserFamilies(trx, target.id, 'password reset', self ? principal.sessionId : undefined);
  });
  c.var.deps.auth.invalidate(target.tenant_id);
  return c.json({ status: 200, message: 'Password has been reset successfully' }, 200);
};
