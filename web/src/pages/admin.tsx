// Admin (can_manage_roles; users also need can_read_users / can_manage_users): users with their roles, roles,
// and the tenant's permissions; create a user, give roles, create roles and attach permissions.
import { useState } from 'preact/hooks';
import { api, can, me, unwrap } from '../api.js';
import { useSignal } from '../state.js';
import { Empty, ErrorBox, Field, type FormEvent, Loading, Table, useLoad } from '../ui.js';

export function AdminPage() {
  const user = useSignal(me);
  const users = useLoad(async () => (can('can_read_users') ? unwrap(await api.GET('/api/v1/users/read-users/')).data : []), []);
  const roles = useLoad(async () => (can('can_manage_roles') ? unwrap(await api.GET('/api/v1/rbac/roles/')).data : []), []);
  const perms = useLoad(async () => (can('can_manage_roles') ? unwrap(await api.GET('/api/v1/rbac/permissions/')).data : []), []);
  const [error, setError] = useState<unknown>();
  if (!can('can_manage_roles')) return <Empty>Administration needs the can_manage_roles permission.</Empty>;

  const act = (fn: () => Promise<unknown>, after: () => void) => async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await fn();
      (e.target as HTMLFormElement).reset();
      after();
    } catch (err) {
      setError(err);
    }
  };
  const val = (e: FormEvent, k: string) => String(new FormData(e.currentTarget).get(k) ?? '');
  return (
    <section>
      <h1>Administration</h1>
      <ErrorBox error={error ?? users.error ?? roles.error ?? perms.error} />
      <h2>Users</h2>
      {users.loading && !users.data ? (
        <Loading />
      ) : users.data?.length ? (
        <Table
          caption="Users of this tenant"
          rows={users.data}
          rowKey={(u) => u.id}
          columns={[
            { label: 'User name', cell: (u) => u.username },
            { label: 'Name', cell: (u) => [u.first_name, u.last_name].filter(Boolean).join(' ') || '—' },
            { label: 'E-mail', cell: (u) => u.email },
            { label: 'Active', cell: (u) => (u.is_active ? 'yes' : 'no') },
          ]}
        />
      ) : (
        <Empty>No users to show.</Empty>
      )}
      {can('can_manage_users') && (
        <form
          class="card"
          aria-label="Create user"
          onSubmit={(e) =>
            act(
              async () =>
                unwrap(
                  await api.POST('/api/v1/users/create-user', {
                    body: {
                      username: val(e, 'username'),
                      email: val(e, 'email'),
                      password: val(e, 'password'),
                      tenant_id: user!.tenant_id,
                    },
                  }),
                ),
              users.reload,
            )(e)
          }
        >
          <h3>Create a user</h3>
          <div class="grid">
            <Field label="User name">
              <input name="username" required />
            </Field>
            <Field label="E-mail">
              <input name="email" type="email" required />
            </Field>
            <Field label="Password">
              <input name="password" type="password" required autoComplete="new-password" />
            </Field>
          </div>
          <button type="submit">Create user</button>
        </form>
      )}
      <form
        class="card"
        aria-label="Give a role"
        onSubmit={(e) =>
          act(
            async () =>
              unwrap(
                await api.POST('/api/v1/rbac/users/{user_id}/roles', {
                  params: { path: { user_id: Number(val(e, 'user_id')) } },
                  body: { role_names: [val(e, 'role')] },
                }),
              ),
            users.reload,
          )(e)
        }
      >
        <h3>Give a role to a user</h3>
        <div class="grid">
          <Field label="User">
            <select name="user_id">
              {users.data?.map((u) => (
                <option value={u.id}>{u.username}</option>
              ))}
            </select>
          </Field>
          <Field label="Role">
            <select name="role">
              {roles.data?.map((r) => (
                <option>{r.name}</option>
              ))}
            </select>
          </Field>
        </div>
        <button type="submit">Give role</button>
      </form>
      <h2>Roles</h2>
      {roles.data?.length ? (
        <Table
          caption="Roles"
          rows={roles.data}
          rowKey={(r) => r.id}
          columns={[
            { label: 'Role', cell: (r) => r.name },
            { label: 'Id', cell: (r) => r.id, class: 'num' },
          ]}
        />
      ) : (
        <Empty>No roles.</Empty>
      )}
      <form
        class="card"
        aria-label="Create role"
        onSubmit={(e) =>
          act(
            async () => unwrap(await api.POST('/api/v1/rbac/roles/', { body: { name: val(e, 'name'), tenant_id: user!.tenant_id } })),
            roles.reload,
          )(e)
        }
      >
        <h3>Create a role</h3>
        <Field label="Role name">
          <input name="name" required />
        </Field>
        <button type="submit">Create role</button>
      </form>
      <form
        class="card"
        aria-label="Attach a permission"
        onSubmit={(e) =>
          act(
            async () =>
              unwrap(
                await api.POST('/api/v1/rbac/roles/{role_id}/permissions', {
                  params: { path: { role_id: Number(val(e, 'role_id')) } },
                  body: { permission_names: [val(e, 'permission')] },
                }),
              ),
            roles.reload,
          )(e)
        }
      >
        <h3>Attach a permission to a role</h3>
        <div class="grid">
          <Field label="Role">
            <select name="role_id">
              {roles.data?.map((r) => (
                <option value={r.id}>{r.name}</option>
              ))}
            </select>
          </Field>
          <Field label="Permission">
            <select name="permission">
              {perms.data?.map((p) => (
                <option>{p.name}</option>
              ))}
            </select>
          </Field>
        </div>
        <button type="submit">Attach</button>
      </form>
      <h2>Permissions</h2>
      {perms.data?.length ? (
        <Table
          caption="Permissions of this tenant"
          rows={perms.data}
          rowKey={(p) => p.id}
          columns={[{ label: 'Permission', cell: (p) => p.name }]}
        />
      ) : (
        <Empty>No permissions.</Empty>
      )}
    </section>
  );
}
