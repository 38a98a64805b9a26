// A predictor and a Completed training of it, inserted straight into Postgres (no job runs), for tests of
// what comes after training. `training` sets or replaces any column of the training row.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { uniq } from './stack.js';

export async function insertTraining(
  db: Kysely<Database>,
  tenantId: string,
  predictorName: string,
  training: Record<string, unknown>,
): Promise<number> {
  const predictor = await db
    .insertInto('predictors')
    .values({
      tenant_id: tenantId,
      predictor_name: uniq(predictorName),
      domain: 'Churn',
      problem_type: 'Classification',
      created_by: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('trainings')
    .values({
      tenant_id: tenantId,
      predictor_id: predictor.id,
      version: 1,
      parent_training_id: null,
      file_snapshot_ids: '[]',
      iceberg_table: 'silver.none',
      problem_type: 'Classification',
      algorithm: 'xgboost',
      config: '{}',
      seed: 1,
      is_incremental: false,
      shap_enabled: false,
      created_by: 'test',
      status: 'Completed',
      ...training,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
