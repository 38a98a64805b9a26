// Activities of the data workflows: Postgres writes through the repositories.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import * as repo from '../db/repositories/datasets.js';

export function createDatasetActivities({ db }: { db: Kysely<Database> }) {
  return {
    async markFilesValidating(input: { fileIds: number[]; workflowId: string }): Promise<void> {
      for (const id of input.fileIds) await repo.setFileStatus(db, id, 'validating');
      await repo.setFilesWorkflow(db, input.fileIds, input.workflowId);
    },
    /** The file's result and its dataset's aggregate status change together (one transaction). */
    async recordFileValidation(v: repo.FileValidation): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const datasetId = await repo.recordFileValidation(trx, v);
        if (datasetId !== undefined) await repo.refreshDatasetStatus(trx, datasetId);
      });
    },
    async refreshDatasetStatus(input: { datasetId: number }): Promise<void> {
      await repo.refreshDatasetStatus(db, input.datasetId);
    },
    async recordStatistics(input: {
      workflowId: string;
      status: string;
      message?: string | null;
      columns?: unknown;
      snapshotId?: string | null;
    }) {
      await repo.recordStatistics(db, input);
    },
  };
}
