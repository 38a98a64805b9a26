// Login, refresh-token rotation (with reuse detection) and logout.
import type { Kysely } from 'kysely';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import { findRefreshTokenForUpdate, markRotated, revokeFamily } from '../../db/repositories/tokens.js';
import { findUserForLogin } from '../../db/repositories/users.js';
import { unauthorized } from '../errors.js';
import { assertLoginAllowed, recordPasswordFailure, recordPasswordSuccess } from './login-throttle.js';
import { burnVerify, verifyPassword } from './passwords.js';
import { sha256, type AuthService, type IssuedTokens } from './service.js';

export async function login(
  db: Kysely<Database>,
  config: Config,
  auth: AuthService,
  input: { username: string; password: string; clientIp: string | null },
): Promise<IssuedTokens> {
  const key = { username: input.username, clientIp: input.clientIp };
  await assertLoginAllowed(db, config, key);

  const user = await findUserForLogin(db, input.username);
  let ok = false;
  if (user) ok = await verifyPassword(user.password_hash, input.password);
  else await burnVerify(input.password); // same time whether or not the user exists
  if (!user || !ok || !user.is_active) {
    // An inactive user's correct password is not a guess, but it is still refused with the same message.
    if (!ok) await recordPasswordFailure(db, config, key);
    throw unauthorized('Incorrect username or password');
  }
  await recordPasswordSuccess(db, config, key);
  return db.transaction().execute((trx) => auth.startSession(trx, { id: user.id, tenantId: user.tenant_id }));
}

type RefreshOutcome = { ok: true; tokens: IssuedTokens } | { ok: false; message: string; tenantId?: string };

/** Rotates a refresh token. Presenting one that was already rotated revokes its whole family. */
export async function refresh(db: Kysely<Database>, auth: AuthService, refreshToken: string): Promise<IssuedTokens> {
  const outcome = await db.transaction().execute(async (trx): Promise<RefreshOutcome> => {
    const row = await findRefreshTokenForUpdate(trx, sha256(refreshToken));
    if (!row) return { ok: false, message: 'Invalid refresh token' };
    if (row.revoked_at) return { ok: false, message: 'Refresh token has been revoked' };
    if (row.rotated_at) {
      // Reuse: someone holds a copy of an old token. Kill the session for everyone (committed, not rolled back).
      await revokeFamily(trx, row.family_id, 'refresh token reuse');
      return { ok: false, message: 'Refresh token reuse detected; the session has been revoked', tenantId: row.tenant_id };
    }
    if (row.expires_at.getTime() <= Date.now()) return { ok: false, message: 'Refresh token has expired' };
    if (!row.is_active) {
      await revokeFamily(trx, row.family_id, 'user inactive');
      return { ok: false, message: 'User is inactive', tenantId: row.tenant_id };
    }
    await markRotated(trx, row.id);
    const next = await auth.addRefreshToken(trx, row.family_id);
    const access = await auth.signAccessToken({ userId: row.user_id, tenantId: row.tenant_id, sessionId: row.family_id });
    return { ok: true, tokens: { access_token: access, token_type: 'bearer', refresh_token: next, expires_in: auth.accessTtl } };
  });
  if (!outcome.ok) {
    if (outcome.tenantId) auth.invalidate(outcome.tenantId); // only these two revoked a session
    throw unauthorized(outcome.message);
  }
  return outcome.tokens;
}

/** Revokes the session the refresh token belongs to (and so its access tokens). Idempotent for a known token. */
export async function logout(db: Kysely<Database>, auth: AuthService, refreshToken: string): Promise<void> {
  const tenantId = await db.transaction().execute(async (trx) => {
    const row = await findRefreshTokenForUpdate(trx, sha256(refreshToken));
    if (row) await revokeFamily(trx, row.family_id, 'logout');
    return row?.tenant_id;
  });
  if (!tenantId) throw unauthorized('Invalid refresh token');
  auth.invalidate(tenantId);
}
