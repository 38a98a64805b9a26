// Activities of the inference module: persist a batch prediction's status and result (through the repositories).
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { PredictJobResult } from '../contracts/inference-workflows.js';
import type { Database } from '../db/database.js';
import { registerOutputTable, setPredictionStatus } from '../db/repositories/predictions.js';

export function createInferenceActivities({ db, config }: { db: Kysely<Database>; config: Config }) {
  return {
    async recordPredictionResult(input: {
      predictionId: number;
      tenantId: string;
      username: string;
      submissionId: string;
      result: PredictJobResult;
    }): Promise<void> {
      const r = input.result;
      const [namespace, table] = r.output_table.split('.') as [string, string];
      await db.transaction().execute(async (trx) => {
        await registerOutputTable(trx, input.tenantId, namespace, table, input.username);
        await setPredictionStatus(trx, input.predictionId, {
          status: 'Completed',
          error: null,
          raySubmissionId: input.submissionId,
          noOfRecords: r.rows,
          inputSnapshotId: r.snapshot_id,
          resultPath: `s3://${config.s3.bucket}/${r.csv_key}`,
          csvKey: r.csv_key,
          outputTable: r.output_table,
        });
      });
    },
    async recordPredictionStatus(input: { predictionId: number; status: string; error?: string | null }): Promise<void> {
      await setPredictionStatus(db, input.predictionId, { status: input.status, error: input.error ?? null });
    },
  };
}
