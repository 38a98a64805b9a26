import { sql, type Kysely } from 'kysely';

// Login throttling by account *and* address without letting one user's attacker lock out everyone behind the
// same NAT: an address where an account has logged in successfully is "known" for that account, and the
// per-address and account-wide limits do not apply there (api/auth/login-throttle.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_known_addresses')
    .addColumn('username', 'text', (c) => c.notNull()) // lower-cased, like login_attempts
    .addColumn('client_ip', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('login_known_addresses_pk', ['username', 'client_ip'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_known_addresses').ifExists().execute();
}
