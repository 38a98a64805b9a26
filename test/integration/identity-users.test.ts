// Users (module 2) and tenants.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantExists } from '../../db/repositories/tenants.js';
import { adminSession, newTenant, userWith } from '../support/identity.js';
import { buildTestApp, uniq } from '../support/stack.js';

describe('identity: users (2.x) and tenants', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: Awaited<ReturnType<typeof adminSession>>;
  let tenantId: string;
  let manager: Awaited<ReturnType<typeof userWith>>;

  const body = (over: Record<string, unknown> = {}) => {
    const username = uniq('jane');
    return {
      tenant_id: tenantId,
      first_name: 'jane',
      last_name: 'doe',
      email: `${username}@example.com`,
      username,
      password: 'Password123!',
      ...over,
    };
  };
  const create = (json: unknown, token = manager.token) => t.call('/api/v1/users/create-user', { method: 'POST', json, token });

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await adminSession(t.deps);
    tenantId = await newTenant(t.deps);
    manager = await userWith(t.deps, tenantId, ['can_manage_users', 'can_read_users']);
  });
  afterAll(() => t?.close());

  it('2.1 creates a user (201) who can log in; the password is never returned', async () => {
    const b = body();
    const res = await create(b);
    expect(res.status).toBe(201);
    const user = await res.json();
    expect(user).toEqual({
      id: expect.any(Number),
      tenant_id: tenantId,
      first_name: 'jane',
      last_name: 'doe',
      email: b.email,
      username: b.username,
      is_active: true,
    });
    const login = await t.call('/api/v1/login/access-token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: b.username, password: b.password }).toString(),
    });
    expect(login.status).toBe(200);
    // Later users of an existing tenant start as viewers.
    const roles = await (await t.call(`/api/v1/rbac/users/${user.id}/roles`, { token: manager.token })).json();
    expect(roles.roles.map((r: { name: string }) => r.name)).toEqual(['viewer']);
  });

  it('2.1 usernames and emails are unique, case-insensitively (409)', async () => {
    const b = body();
    expect((await create(b)).status).toBe(201);
    const dupName = await create(body({ username: b.username.toUpperCase() }));
    expect(dupName.status).toBe(409);
    expect((await dupName.json()).error.details).toEqual({ field: 'username' });
    const dupEmail = await create(body({ email: b.email.toUpperCase() }));
    expect(dupEmail.status).toBe(409);
    expect((await dupEmail.json()).error.details).toEqual({ field: 'email' });
  });

  it('2.1 validates the body (422)', async () => {
    for (const bad of [
      body({ email: 'not-an-email' }),
      body({ password: 'short' }),
      body({ username: 'a b' }),
      body({ tenant_id: 'tenant-1' }),
      { tenant_id: tenantId, username: uniq('x'), password: 'Password123!' },
    ]) {
      const res = await create(bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect((await res.json()).error.code).toBe('validation_error');
    }
  });

  it('2.1 a tenant administrator cannot create users in another tenant (403)', async () => {
    const res = await create(body({ tenant_id: admin.tenantId }));
    expect(res.status).toBe(403);
    const other = await create(body({ tenant_id: randomUUID() }));
    expect(other.status).toBe(403);
  });

  it('2.1 the platform administrator creates users in any tenant, creating a new one on first use', async () => {
    const fresh = randomUUID();
    expect(await tenantExists(t.deps.db, fresh)).toBe(false);
    const first = await create(body({ tenant_id: fresh }), admin.token);
    expect(first.status).toBe(201);
    expect(await tenantExists(t.deps.db, fresh)).toBe(true);
    const firstUser = await first.json();
    // The platform administrator reads only its own tenant...
    expect((await t.call(`/api/v1/users/${firstUser.id}`, { token: admin.token })).status).toBe(404);
    // ...and the first user of the new tenant administers it.
    const login = await t.call('/api/v1/login/access-token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: firstUser.username, password: 'Password123!' }).toString(),
    });
    const { access_token } = await login.json();
    const roles = await (await t.call(`/api/v1/rbac/users/${firstUser.id}/roles`, { token: access_token })).json();
    expect(roles.roles.map((r: { name: string }) => r.name)).toEqual(['admin']);
    const second = await create(body({ tenant_id: fresh }), admin.token);
    expect(second.status).toBe(201);
    expect((await create(body({ tenant_id: tenantId }), admin.token)).status).toBe(201);
  });

  it('2.1 without can_manage_users: 403 naming it', async () => {
    const viewer = await userWith(t.deps, tenantId, ['can_read_users']);
    const res = await create(body(), viewer.token);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain('can_manage_users');
  });

  it("2.2 lists only the caller's tenant, without passwords", async () => {
    const other = await userWith(t.deps, await newTenant(t.deps), 'all');
    const res = await t.call('/api/v1/users/read-users/', { token: manager.token });
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list.count).toBe(list.data.length);
    expect(list.data.length).toBeGreaterThan(1);
    expect(list.data.every((u: { tenant_id: string }) => u.tenant_id === tenantId)).toBe(true);
    expect(list.data.some((u: { id: number }) => u.id === other.user.id)).toBe(false);
    for (const u of list.data)
      expect(Object.keys(u).sort()).toEqual(['email', 'first_name', 'id', 'is_active', 'last_name', 'tenant_id', 'username']);
    const otherList = await (await t.call('/api/v1/users/read-users/', { token: other.token })).json();
    // The seed's shape, plus the paging fields beside it (docs/operations.md, API conventions).
    expect(otherList).toEqual({
      data: [expect.objectContaining({ id: other.user.id })],
      count: 1,
      limit: 1000,
      offset: 0,
      next_after: null,
    });
  });

  it('2.2/2.3 need can_read_users (403 naming it) and a token (401)', async () => {
    const nobody = await userWith(t.deps, tenantId, ['can_manage_users']);
    for (const path of ['/api/v1/users/read-users/', `/api/v1/users/${manager.user.id}`]) {
      const res = await t.call(path, { token: nobody.token });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toContain('can_read_users');
      expect((await t.call(path)).status).toBe(401);
    }
  });

  it("2.3 reads a user of the caller's tenant; another tenant's is 404, a bad id 422", async () => {
    const res = await t.call(`/api/v1/users/${manager.user.id}`, { token: manager.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: manager.user.id, username: manager.username, tenant_id: tenantId });
    expect((await t.call(`/api/v1/users/${admin.userId}`, { token: manager.token })).status).toBe(404);
    expect((await t.call('/api/v1/users/987654321', { token: manager.token })).status).toBe(404);
    expect((await t.call('/api/v1/users/abc', { token: manager.token })).status).toBe(422);
  });
});
