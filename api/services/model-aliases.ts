// Aliases of predictors (issue 15): set, move and delete them (audited), list them and their history, and turn a
// model reference of 9.1–9.4 (a train_id or `<predictor_name>@<alias>`) into a train_id.
import type { ModelRef, SetAliasBody } from '../../contracts/aliases.js';
import * as repo from '../../db/repositories/model-aliases.js';
import { findPredictorByName, findTraining } from '../../db/repositories/train.js';
import type { AppDeps, Principal } from '../deps.js';
import { conflict, notFound, unprocessable } from '../errors.js';

async function predictorOf(deps: AppDeps, tenantId: string, name: string) {
  const p = await findPredictorByName(deps.db, tenantId, name);
  if (!p) throw notFound(`Predictor "${name}"`);
  return p;
}

const refOf = (predictorName: string, alias: string) => `${predictorName}@${alias}`;

/**
 * The train_id a request names: itself, or the version its alias points at now. A missing alias answers 404 like
 * a missing train_id (`path` names the field it came from).
 */
export async function resolveModelRef(deps: AppDeps, tenantId: string, ref: ModelRef): Promise<number> {
  if (typeof ref === 'number') return ref;
  const id = await deps.modelAliases.resolve(tenantId, ref);
  if (id === undefined) throw notFound(`Alias "${ref}"`);
  return id;
}

export async function listAliases(deps: AppDeps, tenantId: string, predictorName: string) {
  const p = await predictorOf(deps, tenantId, predictorName);
  const rows = await repo.listAliases(deps.db, tenantId, p.id);
  return {
    predictor_name: p.predictor_name,
    data: rows.map((r) => ({
      alias: r.alias,
      train_id: r.training_id,
      version: r.version,
      ref: refOf(p.predictor_name, r.alias),
      updated_by: r.updated_by,
      updated_at: r.updated_at.toISOString(),
    })),
  };
}

/** Points the alias at a Completed version of the same predictor (creating or moving it). */
export async function setAlias(deps: AppDeps, principal: Principal, predictorName: string, alias: string, body: SetAliasBody) {
  const { tenantId } = principal;
  const p = await predictorOf(deps, tenantId, predictorName);
  const t = await findTraining(deps.db, tenantId, body.train_id);
  if (!t) throw notFound('Model (training)');
  if (t.predictor_id !== p.id)
    throw unprocessable(`train_id: training ${t.id} is a version of predictor "${t.predictor_name}", not "${p.predictor_name}"`, [
      { path: 'train_id', message: `a version of "${t.predictor_name}"`, code: 'other_predictor' },
    ]);
  if (t.effective_status !== 'Completed')
    throw conflict(`Training ${t.id} is ${t.effective_status}; an alias points at a Completed version`, { status: t.effective_status });
  const previous = await repo.setAlias(deps.db, {
    tenantId,
    predictorId: p.id,
    alias,
    trainingId: t.id,
    username: principal.username,
    reason: body.reason,
  });
  deps.log.info({ predictor: p.predictor_name, alias, from: previous ?? null, to: t.id }, 'model alias set');
  return { alias, ref: refOf(p.predictor_name, alias), train_id: t.id, previous_train_id: previous ?? null };
}

export async function deleteAlias(deps: AppDeps, principal: Principal, predictorName: string, alias: string) {
  const p = await predictorOf(deps, principal.tenantId, predictorName);
  const previous = await repo.deleteAlias(deps.db, {
    tenantId: principal.tenantId,
    predictorId: p.id,
    alias,
    username: principal.username,
  });
  if (previous === undefined) throw notFound(`Alias "${refOf(p.predictor_name, alias)}"`);
  deps.log.info({ predictor: p.predictor_name, alias, from: previous }, 'model alias deleted');
  return { alias, previous_train_id: previous, message: `Alias "${refOf(p.predictor_name, alias)}" deleted.` };
}

export async function aliasHistory(deps: AppDeps, tenantId: string, predictorName: string) {
  const p = await predictorOf(deps, tenantId, predictorName);
  const rows = await repo.listAliasEvents(deps.db, tenantId, p.id);
  return {
    predictor_name: p.predictor_name,
    data: rows.map((r) => ({
      id: r.id,
      alias: r.alias,
      action: r.action as 'set' | 'move' | 'delete',
      from_train_id: r.from_training_id,
      to_train_id: r.to_training_id,
      username: r.username,
      reason: r.reason,
      created_at: r.created_at.toISOString(),
    })),
  };
}
