import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function createFamily(db: Db, family: { id: string; userId: number; tenantId: string }): Promise<void> {
  await db.insertInto('token_families').values({ id: family.id, user_id: family.userId, tenant_id: family.tenantId }).execute();
}

export async function insertRefreshToken(db: Db, token: { familyId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('refresh_tokens')
    .values({ family_id: token.familyId, token_hash: token.tokenHash, expires_at: token.expiresAt })
    .execute();
}

/** The refresh token and its family, locked for the rest of the transaction (rotation must be serial). */
export async function findRefreshTokenForUpdate(db: Db, tokenHash: string) {
  return db
    .selectFrom('refresh_tokens as t')
    .innerJoin('token_families as f', 'f.id', 't.family_id')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['t.id', 't.family_id', 't.expires_at', 't.rotated_at', 'f.revoked_at', 'f.user_id', 'f.tenant_id', 'u.is_active'])
    .where('t.token_hash', '=', tokenHash)
    .forUpdate('t')
    .executeTakeFirst();
}

export async function markRotated(db: Db, tokenId: number): Promise<void> {
  await db.updateTable('refresh_tokens').set({ rotated_at: new Date() }).where('id', '=', tokenId).execute();
}

export async function revokeFamily(db: Db, familyId: string, reason: string): Promise<void> {
  await db
    .updateTable('token_families')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every live session of a user, optionally keeping one (the caller's own). */
export async function revokeUserFamilies(db: Db, userId: number, reason: string, keepFamilyId?: string): Promise<void> {
  let q = db
    .updateTable('token_families')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepFamilyId) q = q.where('id', '<>', keepFamilyId);
  await q.execute();
}
