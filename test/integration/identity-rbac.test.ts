// RBAC (module 3 and its documented extras).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '../../contracts/permissions.js';
import { adminSession, newTenant, userWith } from '../support/identity.js';
import { buildTestApp, uniq } from '../support/stack.js';

describe('identity: RBAC (3.x)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: Awaited<ReturnType<typeof adminSession>>;
  let tenantId: string;
  let otherTenant: string;
  let roleAdmin: Awaited<ReturnType<typeof userWith>>;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await adminSession(t.deps);
    tenantId = await newTenant(t.deps);
    otherTenant = await newTenant(t.deps);
    roleAdmin = await userWith(t.deps, tenantId, ['can_manage_roles', 'can_read_users']);
  });
  afterAll(() => t?.close());

  const post = (path: string, json: unknown, token = roleAdmin.token) => t.call(path, { method: 'POST', json, token });

  it('3.1 creates a role (201); a duplicate name is 409; another tenant is 403', async () => {
    const name = uniq('analyst');
    const res = await post('/api/v1/rbac/roles/', { name, tenant_id: tenantId });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: expect.any(Number), tenant_id: tenantId, name });
    expect((await post('/api/v1/rbac/roles/', { name, tenant_id: tenantId })).status).toBe(409);
    expect((await post('/api/v1/rbac/roles/', { name: 'viewer', tenant_id: tenantId })).status).toBe(409);
    // The same name in another tenant is another role.
    expect(
      (
        await post(
          '/api/v1/rbac/roles/',
          { name, tenant_id: otherTenant },
          (
            await userWith(t.deps, otherTenant, ['can_manage_roles'])
          ).token,
        )
      ).status,
    ).toBe(201);
    expect((await post('/api/v1/rbac/roles/', { name: uniq('r'), tenant_id: otherTenant })).status).toBe(403);
    expect((await post('/api/v1/rbac/roles/', { name: '', tenant_id: tenantId })).status).toBe(422);
    expect((await post('/api/v1/rbac/roles/', { name: 'x', tenant_id: 'nope' })).status).toBe(422);
  });

  it('3.2 creates a permission (201); duplicate 409; another tenant 403', async () => {
    const name = uniq('can_do_');
    const res = await post('/api/v1/rbac/permissions/', { name, tenant_id: tenantId });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: expect.any(Number), tenant_id: tenantId, name });
    expect((await post('/api/v1/rbac/permissions/', { name, tenant_id: tenantId })).status).toBe(409);
    expect((await post('/api/v1/rbac/permissions/', { name: 'can_train_models', tenant_id: tenantId })).status).toBe(409);
    expect((await post('/api/v1/rbac/permissions/', { name: uniq('p'), tenant_id: otherTenant })).status).toBe(403);
  });

  it('3.1/3.2 the platform administrator may target any existing tenant, not a missing one', async () => {
    expect((await post('/api/v1/rbac/roles/', { name: uniq('r'), tenant_id: otherTenant }, admin.token)).status).toBe(201);
    expect((await post('/api/v1/rbac/permissions/', { name: uniq('p'), tenant_id: otherTenant }, admin.token)).status).toBe(201);
    expect((await post('/api/v1/rbac/roles/', { name: uniq('r'), tenant_id: randomUUID() }, admin.token)).status).toBe(404);
  });

  it('3.x without can_manage_roles: 403 naming it; without a token: 401', async () => {
    const plain = await userWith(t.deps, tenantId, ['can_read_users', 'can_manage_users']);
    for (const [method, path] of [
      ['POST', '/api/v1/rbac/roles/'],
      ['POST', '/api/v1/rbac/permissions/'],
      ['GET', '/api/v1/rbac/roles/'],
      ['GET', '/api/v1/rbac/permissions/'],
      ['POST', '/api/v1/rbac/roles/1/permissions'],
      ['POST', `/api/v1/rbac/users/${plain.user.id}/roles`],
    ] as const) {
      const json = method === 'POST' ? { name: 'x', tenant_id: tenantId } : undefined;
      const res = await t.call(path, { method, json, token: plain.token });
      expect(res.status, path).toBe(403);
      expect((await res.json()).error.message).toContain('can_manage_roles');
      expect((await t.call(path, { method, json })).status).toBe(401);
    }
  });

  it("lists the tenant's roles and permissions, built-in ones included", async () => {
    const roles = await (await t.call('/api/v1/rbac/roles/', { token: roleAdmin.token })).json();
    expect(roles.total).toBe(roles.data.length);
    expect(roles.data.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['admin', 'data_scientist', 'viewer']));
    expect(roles.data.every((r: { tenant_id: string }) => r.tenant_id === tenantId)).toBe(true);
    const perms = await (await t.call('/api/v1/rbac/permissions/', { token: roleAdmin.token })).json();
    expect(perms.data.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining([...ALL_PERMISSIONS]));
    expect(perms.data.every((p: { tenant_id: string }) => p.tenant_id === tenantId)).toBe(true);
  });

  it('attaches permissions to a role and gives roles to a user; the new rights apply at once', async () => {
    const member = await userWith(t.deps, tenantId, []);
    expect((await t.call('/api/v1/users/read-users/', { token: member.token })).status).toBe(403);

    const role = await (await post('/api/v1/rbac/roles/', { name: uniq('readers'), tenant_id: tenantId })).json();
    const byName = await post(`/api/v1/rbac/roles/${role.id}/permissions`, { permission_names: ['can_read_users'] });
    expect(byName.status).toBe(200);
    const attached = await byName.json();
    expect(attached).toMatchObject({ id: role.id, name: role.name, tenant_id: tenantId });
    expect(attached.permissions.map((p: { name: string }) => p.name)).toEqual(['can_read_users']);
    const perms = (await (await t.call('/api/v1/rbac/permissions/', { token: roleAdmin.token })).json()).data as {
      id: number;
      name: string;
    }[];
    const readModels = perms.find((p) => p.name === 'can_read_models')!;
    const byId = await (await post(`/api/v1/rbac/roles/${role.id}/permissions`, { permission_ids: [readModels.id] })).json();
    expect(byId.permissions.map((p: { name: string }) => p.name).sort()).toEqual(['can_read_models', 'can_read_users']);

    const given = await post(`/api/v1/rbac/users/${member.user.id}/roles`, { role_names: [role.name] });
    expect(given.status).toBe(200);
    expect(await given.json()).toEqual({
      user_id: member.user.id,
      roles: [expect.objectContaining({ id: member.roleId }), { id: role.id, tenant_id: tenantId, name: role.name }],
    });
    expect((await t.call('/api/v1/users/read-users/', { token: member.token })).status).toBe(200);

    const byRoleId = await post(`/api/v1/rbac/users/${member.user.id}/roles`, { role_ids: [role.id] });
    expect((await byRoleId.json()).roles).toHaveLength(2); // no duplicates

    const read = await t.call(`/api/v1/rbac/users/${member.user.id}/roles`, { token: roleAdmin.token });
    expect(read.status).toBe(200);
    expect((await read.json()).roles.map((r: { name: string }) => r.name)).toContain(role.name);
  });

  it('unknown or foreign roles, permissions and users: 404; malformed bodies: 422', async () => {
    const foreign = await userWith(t.deps, otherTenant, 'all');
    const role = await (await post('/api/v1/rbac/roles/', { name: uniq('r'), tenant_id: tenantId })).json();
    const missingPerm = await post(`/api/v1/rbac/roles/${role.id}/permissions`, { permission_names: ['can_fly'] });
    expect(missingPerm.status).toBe(404);
    expect((await missingPerm.json()).error.message).toContain('can_fly');
    expect((await post(`/api/v1/rbac/roles/${role.id}/permissions`, { permission_ids: [987654321] })).status).toBe(404);
    expect((await post(`/api/v1/rbac/roles/${foreign.roleId}/permissions`, { permission_names: ['can_read_users'] })).status).toBe(404);
    expect((await post(`/api/v1/rbac/users/${foreign.user.id}/roles`, { role_names: ['viewer'] })).status).toBe(404);
    expect((await post(`/api/v1/rbac/users/${roleAdmin.user.id}/roles`, { role_ids: [foreign.roleId] })).status).toBe(404);
    expect((await t.call(`/api/v1/rbac/users/${foreign.user.id}/roles`, { token: roleAdmin.token })).status).toBe(404);
    expect((await post(`/api/v1/rbac/roles/${role.id}/permissions`, { permission_ids: [1], permission_names: ['x'] })).status).toBe(422);
    expect((await post(`/api/v1/rbac/users/${roleAdmin.user.id}/roles`, {})).status).toBe(422);
  });

  it("reading a user's roles needs can_read_users", async () => {
    const u = await userWith(t.deps, tenantId, ['can_manage_roles']);
    const res = await t.call(`/api/v1/rbac/users/${u.user.id}/roles`, { token: u.token });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain('can_read_users');
  });
});
