// Login, tokens, sessions, brute-force limits, reset password, validate-token (modules 1 and 10).
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapIdentity } from '../../api/auth/bootstrap.js';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../api/auth/service.js';
import { setUserActive } from '../../db/repositories/users.js';
import { adminSession, newTenant, TEST_PASSWORD, userWith, identityFeedCaughtUp } from '../support/identity.js';
import { buildTestApp, uniq } from '../support/stack.js';

describe('identity: login and tokens (1.x, 10.1)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let tenantId: string;

  /** The login route, from a given client address (in-process requests have none unless given). */
  const loginReq = (username: string, password: string, ip?: string) =>
    t.app.request(
      '/api/v1/login/access-token',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username, password }).toString(),
      },
      ip ? { incoming: { socket: { remoteAddress: ip } } } : undefined,
    );

  const expect401 = async (res: Response) => {
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect((await res.json()).error.code).toBe('unauthorized');
  };

  beforeAll(async () => {
    t = await buildTestApp({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_ACCOUNT_MAX_FAILURES: '6',
      LOGIN_ADDRESS_MAX_FAILURES: '5',
      LOGIN_WINDOW_SECONDS: '60',
    });
    await adminSession(t.deps);
    tenantId = await newTenant(t.deps);
  });
  afterAll(() => t?.close());

  it('bootstrap is idempotent and the bootstrap admin logs in with the configured password', async () => {
    const again = await bootstrapIdentity(t.deps.db, t.config);
    expect(again.createdAdmin).toBe(false);
    const res = await loginReq(t.config.auth.adminUsername, t.config.auth.adminPassword);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: t.config.auth.accessTokenTtlSeconds });
    expect(body.access_token.split('.')).toHaveLength(3);
    expect(body.refresh_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const me = await t.call('/api/v1/login/test-token', { method: 'POST', token: body.access_token });
    expect(me.status).toBe(200);
    const user = await me.json();
    expect(user).toMatchObject({ username: t.config.auth.adminUsername, is_active: true });
    expect(user).not.toHaveProperty('password');
    expect(user).not.toHaveProperty('password_hash');
  });

  it('1.1 issues tokens carrying the user and tenant; JSON bodies and missing fields are refused', async () => {
    const u = await userWith(t.deps, tenantId, ['can_read_users']);
    const res = await loginReq(u.username.toUpperCase(), u.password);
    expect(res.status).toBe(200);
    const { access_token } = await res.json();
    const claims = JSON.parse(Buffer.from(access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: String(u.user.id), tid: tenantId, iss: JWT_ISSUER, aud: JWT_AUDIENCE });
    expect(claims.exp - claims.iat).toBe(t.config.auth.accessTokenTtlSeconds);
    expect(typeof claims.jti).toBe('string');

    const json = await t.call('/api/v1/login/access-token', { method: 'POST', json: { username: u.username, password: u.password } });
    expect(json.status).toBe(415);
    const missing = await t.call('/api/v1/login/access-token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=someone',
    });
    expect(missing.status).toBe(422);
  });

  it('1.1 wrong password and unknown user: 401 with the same message', async () => {
    const u = await userWith(t.deps, tenantId, []);
    const wrong = await loginReq(u.username, 'not-the-password');
    const unknown = await loginReq(uniq('nobody'), 'whatever-password');
    await expect401(wrong.clone());
    await expect401(unknown.clone());
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
  });

  /** A fresh address per test, so that tests do not share address counters across runs. */
  const newIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  it('1.1 an attacker hammering account X from address A throttles X at A (429 + Retry-After, even with the right password), not X elsewhere', async () => {
    const x = await userWith(t.deps, tenantId, []);
    const a = newIp();
    for (let i = 0; i < 3; i++) expect((await loginReq(x.username, `wrong-${i}-password`, a)).status).toBe(401);
    for (let i = 0; i < 10; i++) expect((await loginReq(x.username, `wrong-more-${i}`, a)).status).toBe(429);
    const blocked = await loginReq(x.username, x.password, a);
    expect(blocked.status).toBe(429);
    const retry = Number(blocked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await blocked.json()).error.code).toBe('too_many_requests');
    // One attacker cannot lock X out everywhere: X from another address still logs in.
    expect((await loginReq(x.username, x.password, newIp())).status).toBe(200);
  });

  it('1.1 the attacker on address A does not stop user Y with the right password from A (a shared NAT)', async () => {
    const x = await userWith(t.deps, tenantId, []);
    const y = await userWith(t.deps, tenantId, []);
    const a = newIp();
    for (let i = 0; i < 20; i++) expect([401, 429]).toContain((await loginReq(x.username, `wrong-${i}-password`, a)).status);
    expect((await loginReq(x.username, x.password, a)).status).toBe(429);
    expect((await loginReq(y.username, y.password, a)).status).toBe(200); // Y has never logged in from A before
  });

  it('1.1 an address spraying many accounts is throttled for accounts never seen there; users known at the address still log in', async () => {
    const known = await userWith(t.deps, tenantId, []);
    const stranger = await userWith(t.deps, tenantId, []);
    const a = newIp();
    expect((await loginReq(known.username, known.password, a)).status).toBe(200); // an earlier, normal day
    for (let i = 0; i < 5; i++) expect((await loginReq(uniq('guess'), 'wrong-password', a)).status).toBe(401);
    expect((await loginReq(uniq('guess'), 'wrong-password', a)).status).toBe(429);
    const blocked = await loginReq(stranger.username, stranger.password, a);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await loginReq(known.username, known.password, a)).status).toBe(200);
    // The stranger from another address is not blocked.
    expect((await loginReq(stranger.username, stranger.password, newIp())).status).toBe(200);
  });

  it('1.1 a distributed attack on one account throttles it, except at addresses where it logged in before', async () => {
    const x = await userWith(t.deps, tenantId, []);
    const home = newIp();
    expect((await loginReq(x.username, x.password, home)).status).toBe(200);
    for (let i = 0; i < 6; i++) expect((await loginReq(x.username, `wrong-${i}-password`, newIp())).status).toBe(401);
    expect((await loginReq(x.username, x.password, newIp())).status).toBe(429);
    expect((await loginReq(x.username, `wrong-again`, newIp())).status).toBe(429);
    expect((await loginReq(x.username, x.password, home)).status).toBe(200);
  });

  it('1.1 the throttle expires: after Retry-After seconds the right password works again', async () => {
    const short = await buildTestApp({ LOGIN_MAX_FAILURES: '2', LOGIN_WINDOW_SECONDS: '2' });
    try {
      const x = await userWith(short.deps, tenantId, []);
      const a = newIp();
      const req = (password: string) =>
        short.app.request(
          '/api/v1/login/access-token',
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ username: x.username, password }).toString(),
          },
          { incoming: { socket: { remoteAddress: a } } },
        );
      for (let i = 0; i < 2; i++) expect((await req('wrong-password')).status).toBe(401);
      const blocked = await req(x.password);
      expect(blocked.status).toBe(429);
      const retry = Number(blocked.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(2);
      await new Promise((r) => setTimeout(r, retry * 1000 + 250));
      expect((await req(x.password)).status).toBe(200);
    } finally {
      await short.close();
    }
  });

  it('a successful login clears the username counter', async () => {
    const u = await userWith(t.deps, tenantId, []);
    for (let i = 0; i < 2; i++) expect((await loginReq(u.username, 'wrong-password')).status).toBe(401);
    expect((await loginReq(u.username, u.password)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await loginReq(u.username, 'wrong-password')).status).toBe(401);
    expect((await loginReq(u.username, u.password)).status).toBe(200);
  });

  it('1.2 and 10.1 need a token', async () => {
    const u = await userWith(t.deps, tenantId, []);
    const ok = await t.call('/api/v1/validate-token', { token: u.token });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'success', message: 'Token is valid.' });
    const me = await t.call('/api/v1/login/test-token', { method: 'POST', token: u.token });
    expect(await me.json()).toMatchObject({ id: u.user.id, tenant_id: tenantId, username: u.username });
    await expect401(await t.call('/api/v1/validate-token'));
    await expect401(await t.call('/api/v1/login/test-token', { method: 'POST' }));
  });

  it('forged, expired, wrongly signed, alg:none and malformed tokens: 401, never 500', async () => {
    const u = await userWith(t.deps, tenantId, ['can_read_users']);
    const key = await t.deps.auth.key();
    const claims = {
      tid: tenantId,
      sid: u.tokens.access_token ? JSON.parse(Buffer.from(u.token.split('.')[1]!, 'base64url').toString()).sid : '',
    };
    const base = () =>
      new SignJWT(claims).setSubject(String(u.user.id)).setJti(randomUUID()).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setIssuedAt();
    const expired = await base()
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(key);
    const otherKey = await base().setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(randomBytes(48));
    const hs512 = await base().setProtectedHeader({ alg: 'HS512' }).setExpirationTime('5m').sign(key);
    const wrongAudience = await base().setAudience('someone-else').setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(key);
    /** A token as the API signs them (HS256, its key, issuer and audience), but with these claims. */
    const signedWith = (c: Record<string, unknown>) =>
      new SignJWT(c)
        .setSubject(String(u.user.id))
        .setJti('x')
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
    const noSid = await signedWith({ tid: tenantId });
    const otherTenant = await signedWith({ ...claims, tid: randomUUID() });
    const unknownSession = await signedWith({ ...claims, sid: randomUUID() });
    const none = new UnsecuredJWT(claims)
      .setSubject(String(u.user.id))
      .setJti('x')
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    const [h, p, s] = u.token.split('.');
    const tamperedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: '1' })).toString(
      'base64url',
    );
    const tampered = `${h}.${tamperedPayload}.${s}`;

    const bad: Record<string, string> = {
      expired,
      otherKey,
      hs512,
      wrongAudience,
      noSid,
      otherTenant,
      unknownSession,
      none,
      tampered,
      garbage: 'not-a-jwt',
      twoParts: 'abc.def',
      emptyish: '...',
      bigNumberSub: `${h}.${Buffer.from('{"sub":"99999999999999999999"}').toString('base64url')}.${s}`,
    };
    for (const [name, token] of Object.entries(bad)) {
      const res = await t.call('/api/v1/users/read-users/', { token });
      expect(res.status, name).toBe(401);
    }
    for (const header of ['Basic abc', 'Bearer', 'Bearer ', `Bearer ${u.token} extra`, 'Bearer a.b.c', u.token]) {
      const res = await t.call('/api/v1/users/read-users/', { headers: { authorization: header } });
      expect(res.status, JSON.stringify(header)).toBe(401);
    }
    // The genuine token still works.
    expect((await t.call('/api/v1/users/read-users/', { token: u.token })).status).toBe(200);
  });

  it('1.3 rotates refresh tokens; reusing a spent one revokes the whole family', async () => {
    const u = await userWith(t.deps, tenantId, ['can_read_users']);
    const first = await (await loginReq(u.username, u.password)).json();
    const r1 = await t.call(`/api/v1/refresh?refresh_token=${encodeURIComponent(first.refresh_token)}`, { method: 'POST' });
    expect(r1.status).toBe(200);
    const second = await r1.json();
    expect(second).toMatchObject({ token_type: 'bearer', expires_in: t.config.auth.accessTokenTtlSeconds });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await t.call('/api/v1/users/read-users/', { token: second.access_token })).status).toBe(200);

    // Replay of the spent token: 401, and the session is gone (the newest refresh token and the access tokens too).
    await expect401(await t.call(`/api/v1/refresh?refresh_token=${encodeURIComponent(first.refresh_token)}`, { method: 'POST' }));
    await expect401(await t.call(`/api/v1/refresh?refresh_token=${encodeURIComponent(second.refresh_token)}`, { method: 'POST' }));
    await expect401(await t.call('/api/v1/users/read-users/', { token: second.access_token }));
    await expect401(await t.call('/api/v1/users/read-users/', { token: first.access_token }));
    // Other sessions of the same user are untouched.
    expect((await t.call('/api/v1/users/read-users/', { token: u.token })).status).toBe(200);
  });

  it('1.3 refuses unknown and missing refresh tokens', async () => {
    await expect401(await t.call('/api/v1/refresh?refresh_token=nope', { method: 'POST' }));
    expect((await t.call('/api/v1/refresh', { method: 'POST' })).status).toBe(422);
  });

  it("1.4 logout revokes the refresh token and the session's access tokens", async () => {
    const u = await userWith(t.deps, tenantId, ['can_read_users']);
    const s = await (await loginReq(u.username, u.password)).json();
    const out = await t.call(`/api/v1/logout?refresh_token=${encodeURIComponent(s.refresh_token)}`, { method: 'POST' });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ status: 200, message: 'User successfully logged out' });
    await expect401(await t.call(`/api/v1/refresh?refresh_token=${encodeURIComponent(s.refresh_token)}`, { method: 'POST' }));
    await expect401(await t.call('/api/v1/validate-token', { token: s.access_token }));
    // Logging out twice is fine; an unknown token is not.
    expect((await t.call(`/api/v1/logout?refresh_token=${encodeURIComponent(s.refresh_token)}`, { method: 'POST' })).status).toBe(200);
    await expect401(await t.call('/api/v1/logout?refresh_token=unknown', { method: 'POST' }));
    expect((await t.call('/api/v1/logout', { method: 'POST' })).status).toBe(422);
  });

  it('an inactive user can neither log in nor use an earlier token or refresh token', async () => {
    const u = await userWith(t.deps, tenantId, ['can_read_users']);
    const s = await (await loginReq(u.username, u.password)).json();
    expect((await t.call('/api/v1/users/read-users/', { token: s.access_token })).status).toBe(200);
    await setUserActive(t.deps.db, u.user.id, false);
    t.deps.auth.invalidate(tenantId); // what a write in this process does; other processes hear its NOTIFY
    await expect401(await t.call('/api/v1/users/read-users/', { token: s.access_token }));
    await expect401(await t.call('/api/v1/validate-token', { token: u.token }));
    await expect401(await loginReq(u.username, u.password));
    await expect401(await t.call(`/api/v1/refresh?refresh_token=${encodeURIComponent(s.refresh_token)}`, { method: 'POST' }));
  });

  it('a deactivation made elsewhere (plain SQL, no in-process invalidation) ends its tokens once its NOTIFY arrives', async () => {
    expect(t.deps.changeFeed?.live).toBe(true);
    const u = await userWith(t.deps, tenantId, ['can_read_users']);
    expect((await t.call('/api/v1/validate-token', { token: u.token })).status).toBe(200); // principal now cached
    await setUserActive(t.deps.db, u.user.id, false);
    await identityFeedCaughtUp(t.deps);
    // With the feed live a principal is otherwise kept for a minute, so only the notification can end it.
    await expect401(await t.call('/api/v1/validate-token', { token: u.token }));
  });

  describe('1.5 reset password (requires a token)', () => {
    const reset = (userName: string, pw: string, token?: string, current?: string) =>
      t.call(
        `/api/v1/reset-password?user_name=${encodeURIComponent(userName)}&new_password=${encodeURIComponent(pw)}` +
          (current === undefined ? '' : `&current_password=${encodeURIComponent(current)}`),
        { method: 'POST', token },
      );

    it('needs a token', async () => {
      const u = await userWith(t.deps, tenantId, []);
      await expect401(await reset(u.username, 'A-new-password-1'));
    });

    it('lets a user reset their own password, keeping the current session and ending the others', async () => {
      const u = await userWith(t.deps, tenantId, []);
      const other = await (await loginReq(u.username, u.password)).json();
      const res = await reset(u.username, 'My-new-password-1', u.token, u.password);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 200, message: 'Password has been reset successfully' });
      expect((await t.call('/api/v1/validate-token', { token: u.token })).status).toBe(200);
      await expect401(await t.call('/api/v1/validate-token', { token: other.access_token }));
      await expect401(await loginReq(u.username, TEST_PASSWORD));
      expect((await loginReq(u.username, 'My-new-password-1')).status).toBe(200);
    });

    it('changing your own password needs the current one: missing 422, wrong 403, and wrong ones are throttled like logins', async () => {
      const u = await userWith(t.deps, tenantId, []);
      const missing = await reset(u.username, 'My-new-password-1', u.token);
      expect(missing.status).toBe(422);
      expect((await missing.json()).error.message).toContain('current_password');
      for (let i = 0; i < 3; i++) {
        const wrong = await reset(u.username, 'My-new-password-1', u.token, `not-it-${i}`);
        expect(wrong.status).toBe(403);
        expect((await wrong.json()).error.message).toContain('current password');
      }
      const throttled = await reset(u.username, 'My-new-password-1', u.token, u.password);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      // Nothing changed: the old password still logs in (from an address of its own), the new one does not.
      const ip = newIp();
      await expect401(await loginReq(u.username, 'My-new-password-1', ip));
      expect((await loginReq(u.username, u.password, ip)).status).toBe(200);
    });

    it("resetting another user's password needs can_manage_users (and not the user's current password)", async () => {
      const target = await userWith(t.deps, tenantId, []);
      const plain = await userWith(t.deps, tenantId, ['can_read_users']);
      const denied = await reset(target.username, 'Other-password-1', plain.token);
      expect(denied.status).toBe(403);
      expect((await denied.json()).error.message).toContain('can_manage_users');
      const manager = await userWith(t.deps, tenantId, ['can_manage_users']);
      expect((await reset(target.username, 'Other-password-1', manager.token)).status).toBe(200);
      await expect401(await t.call('/api/v1/validate-token', { token: target.token })); // the target's sessions ended
      expect((await loginReq(target.username, 'Other-password-1')).status).toBe(200);
    });

    it("another tenant's user is not found, even for a manager; the platform administrator may reset anyone", async () => {
      const foreign = await userWith(t.deps, await newTenant(t.deps), []);
      const manager = await userWith(t.deps, tenantId, 'all');
      expect((await reset(foreign.username, 'Other-password-1', manager.token)).status).toBe(404);
      expect((await reset(uniq('ghost'), 'Other-password-1', manager.token)).status).toBe(404);
      const admin = await adminSession(t.deps);
      expect((await reset(foreign.username, 'Admin-set-password-1', admin.token)).status).toBe(200);
    });

    it('applies the password policy', async () => {
      const u = await userWith(t.deps, tenantId, []);
      expect((await reset(u.username, 'short', u.token)).status).toBe(422);
    });
  });
});
