import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { Database, UserRow } from '../database.js';
import { type Page, windowById } from './paging.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns the API may show: never the password hash. */
const PUBLIC_COLUMNS = ['id', 'tenant_id', 'first_name', 'last_name', 'email', 'username', 'is_active'] as const;
export type PublicUser = Pick<UserRow, (typeof PUBLIC_COLUMNS)[number]>;

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countTenantUsers(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  db: Db,
  user: {
    tenantId: string;
    username: string;
    email: string;
    firstName?: string | null;
    lastName?: string | null;
    passwordHash: string;
    isPlatformAdmin?: boolean;
  },
): Promise<PublicUser> {
  return db
    .insertInto('users')
    .values({
      tenant_id: user.tenantId,
      username: user.username,
      email: user.email,
      first_name: user.firstName ?? null,
      last_name: user.lastName ?? null,
      password_hash: user.passwordHash,
      is_platform_admin: user.isPlatformAdmin ?? false,
    })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** One page of the tenant's users and how many it has (the API caches the default page: user-list-cache.ts). */
export async function listTenantUsers(db: Db, tenantId: string, page: Page): Promise<{ total: number; rows: PublicUser[] }> {
  const [total, rows] = await Promise.all([
    countTenantUsers(db, tenantId),
    windowById(db.selectFrom('users').select(PUBLIC_COLUMNS).where('tenant_id', '=', tenantId), 'id', page).execute(),
  ]);
  return { total, rows };
}

export async function findTenantUser(db: Db, tenantId: string, userId: number): Promise<PublicUser | undefined> {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
}

export async function findUserById(db: Db, userId: number): Promise<PublicUser | undefined> {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', userId).executeTakeFirst();
}

/** For login only: the one read that returns the password hash. */
export async function findUserForLogin(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'username', 'is_active', 'password_hash'])
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function findUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'is_platform_admin'])
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', userId).execute();
}

export async function setUserActive(db: Db, userId: number, isActive: boolean): Promise<void> {
  await db.updateTable('users').set({ is_active: isActive, updated_at: new Date() }).where('id', '=', userId).execute();
}

/** Which unique key a Postgres unique violation hit, if it was one of ours. */
export function userConflictField(err: unknown): 'username' | 'email' | undefined {
  const e = err as { code?: string; constraint?: string };
  if (e?.code !== '23505') return undefined;
  if (e.constraint === 'users_username_key') return 'username';
  if (e.constraint === 'users_email_key') return 'email';
  return undefined;
}
