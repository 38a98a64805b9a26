// Activities that write job metadata to Postgres, through the repositories.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { JobMetrics } from './job-metrics.js';
import { setJobStatus, upsertJob, type JobStatusChange } from '../db/repositories/jobs.js';

export function createMetadataActivities({ db, metrics }: { db: Kysely<Database>; metrics?: JobMetrics }) {
  return {
    async registerJob(job: { workflowId: string; kind: string; tenantId?: string | null; resourceId?: string | null }) {
      await upsertJob(db, { ...job, status: 'Submitted' });
      metrics?.started.inc({ kind: job.kind });
    },
    async recordJobStatus(change: JobStatusChange): Promise<void> {
      const job = await setJobStatus(db, change);
      if (job) metrics?.statusChanged(job.kind, change.status, job.created_at);
    },
  };
}
