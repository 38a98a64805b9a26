import { getConnInfo } from '@hono/node-server/conninfo';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { UserResponse } from '../../../contracts/users.js';
import { findUserById } from '../../../db/repositories/users.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { login, logout, refresh } from '../../auth/sessions.js';
import type { AppEnv } from '../../deps.js';
import { unauthorized } from '../../errors.js';
import { resetUserPassword } from '../../services/login.js';
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
  const { db, config } = c.get('deps');
  const tokens = await login(db, config, c.get('deps').auth, { username: form.username, password: form.password, clientIp: clientIp(c) });
  c.header('Cache-Control', 'no-store');
  return c.json(tokens, 200);
};

export const testTokenHandler: RouteHandler<typeof testToken, AuthedEnv> = async (c) => {
  const user = await findUserById(c.get('deps').db, c.get('principal').userId);
  if (!user) throw unauthorized('User no longer exists');
  return c.json(UserResponse.parse(user), 200);
};

export const refreshHandler: RouteHandler<typeof refreshToken, AppEnv> = async (c) => {
  const { refresh_token } = c.req.valid('query');
  const tokens = await refresh(c.get('deps').db, c.get('deps').auth, refresh_token);
  c.header('Cache-Control', 'no-store');
  return c.json(tokens, 200);
};

export const logoutHandler: RouteHandler<typeof logoutRoute, AppEnv> = async (c) => {
  const { refresh_token } = c.req.valid('query');
  await logout(c.get('deps').db, c.get('deps').auth, refresh_token);
  return c.json({ status: 200, message: 'User successfully logged out' }, 200);
};

export const resetPasswordHandler: RouteHandler<typeof resetPassword, AuthedEnv> = async (c) => {
  const { user_name, new_password, current_password } = c.req.valid('query');
  await resetUserPassword(c.get('deps'), c.get('principal'), {
    userName: user_name,
    newPassword: new_password,
    currentPassword: current_password,
    clientIp: clientIp(c),
  });
  return c.json({ status: 200, message: 'Password has been reset successfully' }, 200);
};
