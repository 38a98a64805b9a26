// Activities that write job metadata to Postgres, through the repositories.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { setJobStatus, upsertJob, type JobStatusChange } from '../db/repositories/jobs.js';

export function createMetadataActivities({ db }: { db: Kysely<Database> }) {
  return {
    async registerJob(job: { workflowId: string; kind: string; tenantId?: string | null; resourceId?: string | null }) {
      await upsertJob(db, { ...job, status: 'Submitted' });
    },
    async recordJobStatus(change: JobStatusChange): Promise<void> {
      await setJobStatus(db, change);
    },
  };
}
