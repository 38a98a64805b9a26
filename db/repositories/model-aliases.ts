// Aliases of predictors (named pointers to one of its versions) and their audit trail. Every read is scoped by tenant.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface AliasRow {
  alias: string;
  training_id: number;
  version: number;
  updated_by: string;
  updated_at: Date;
}

export async function listAliases(db: Db, tenantId: string, predictorId: number): Promise<AliasRow[]> {
  return db
    .selectFrom('model_aliases as a')
    .innerJoin('trainings as t', 't.id', 'a.training_id')
    .select(['a.alias', 'a.training_id', 't.version', 'a.updated_by', 'a.updated_at'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.predictor_id', '=', predictorId)
    .orderBy('a.alias')
    .execute();
}

/** Every alias of the tenant as (lower-case predictor name, alias) → training id: what serving resolves against. */
export async function tenantAliasTargets(db: Db, tenantId: string) {
  return db
    .selectFrom('model_aliases as a')
    .innerJoin('predictors as p', 'p.id', 'a.predictor_id')
    .select([sql<string>`lower(p.predictor_name)`.as('predictor'), 'a.alias', 'a.training_id'])
    .where('a.tenant_id', '=', tenantId)
    .execute();
}

/** One alias's target, read straight from the database (the path taken while the change feed is down). */
export async function aliasTarget(db: Db, tenantId: string, predictorName: string, alias: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('model_aliases as a')
    .innerJoin('predictors as p', 'p.id', 'a.predictor_id')
    .select('a.training_id')
    .where('a.tenant_id', '=', tenantId)
    .where(sql<string>`lower(p.predictor_name)`, '=', predictorName.toLowerCase())
    .where('a.alias', '=', alias)
    .executeTakeFirst();
  return row?.training_id;
}

/** The version an alias of the predictor points at, locked until the transaction ends. */
export async function lockAliasTarget(trx: Transaction<Database>, predictorId: number, alias: string): Promise<number | undefined> {
  const row = await trx
    .selectFrom('model_aliases')
    .select('training_id')
    .where('predictor_id', '=', predictorId)
    .where('alias', '=', alias)
    .forUpdate()
    .executeTakeFirst();
  return row?.training_id;
}

/**
 * Points `alias` at `trainingId` and records the change, in one transaction; the alias row is locked so that
 * two concurrent moves record a consistent from → to chain. Returns the previous target (undefined: created).
 */
export async function setAlias(db: Kysely<Database>, a: NewAliasTarget): Promise<number | undefined> {
  return db.transaction().execute((trx) => setAliasIn(trx, a));
}

export interface NewAliasTarget {
  tenantId: string;
  predictorId: number;
  alias: string;
  trainingId: number;
  username: string;
  reason?: string;
}

/** setAlias inside the caller's transaction (a scheduled promotion records its decision in the same one). */
export async function setAliasIn(trx: Transaction<Database>, a: NewAliasTarget): Promise<number | undefined> {
  const before = await trx
    .selectFrom('model_aliases')
    .select('training_id')
    .where('predictor_id', '=', a.predictorId)
    .where('alias', '=', a.alias)
    .forUpdate()
    .executeTakeFirst();
  if (before?.training_id === a.trainingId) return before.training_id;
  await trx
    .insertInto('model_aliases')
    .values({ tenant_id: a.tenantId, predictor_id: a.predictorId, alias: a.alias, training_id: a.trainingId, updated_by: a.username })
    .onConflict((oc) =>
      oc.columns(['predictor_id', 'alias']).doUpdateSet({ training_id: a.trainingId, updated_by: a.username, updated_at: new Date() }),
    )
    .execute();
  await trx
    .insertInto('model_alias_events')
    .values({
      tenant_id: a.tenantId,
      predictor_id: a.predictorId,
      alias: a.alias,
      action: before ? 'move' : 'set',
      from_training_id: before?.training_id ?? null,
      to_training_id: a.trainingId,
      username: a.username,
      reason: a.reason ?? null,
    })
    .execute();
  return before?.training_id;
}

/** Deletes the alias and records it; returns the version it pointed at (undefined: there was no such alias). */
export async function deleteAlias(
  db: Kysely<Database>,
  a: { tenantId: string; predictorId: number; alias: string; username: string },
): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('model_aliases')
      .where('tenant_id', '=', a.tenantId)
      .where('predictor_id', '=', a.predictorId)
      .where('alias', '=', a.alias)
      .returning('training_id')
      .executeTakeFirst();
    if (!gone) return undefined;
    await trx
      .insertInto('model_alias_events')
      .values({
        tenant_id: a.tenantId,
        predictor_id: a.predictorId,
        alias: a.alias,
        action: 'delete',
        from_training_id: gone.training_id,
        to_training_id: null,
        username: a.username,
        reason: null,
      })
      .execute();
    return gone.training_id;
  });
}

export async function listAliasEvents(db: Db, tenantId: string, predictorId: number) {
  return db
    .selectFrom('model_alias_events')
    .select(['id', 'alias', 'action', 'from_training_id', 'to_training_id', 'username', 'reason', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('predictor_id', '=', predictorId)
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
}
