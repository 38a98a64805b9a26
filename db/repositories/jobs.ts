import type { Kysely, Transaction } from 'kysely';
import type { Database, JobRow } from '../database.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface JobStatusChange {
  workflowId: string;
  status: string;
  message?: string | null;
  raySubmissionId?: string | null;
  result?: unknown;
}

/** Creates the job row, or returns the existing one: starting a workflow twice must not duplicate it. */
export async function upsertJob(
  db: Db,
  job: { workflowId: string; kind: string; tenantId?: string | null; resourceId?: string | null; status: string },
): Promise<JobRow> {
  return db
    .insertInto('jobs')
    .values({
      workflow_id: job.workflowId,
      kind: job.kind,
      tenant_id: job.tenantId ?? null,
      resource_id: job.resourceId ?? null,
      status: job.status,
    })
    .onConflict((oc) => oc.column('workflow_id').doUpdateSet({ updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setJobStatus(db: Db, change: JobStatusChange): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: change.status,
      updated_at: new Date(),
      ...(change.message !== undefined ? { message: change.message } : {}),
      ...(change.raySubmissionId !== undefined ? { ray_submission_id: change.raySubmissionId } : {}),
      ...(change.result !== undefined ? { result: JSON.stringify(change.result) } : {}),
    })
    .where('workflow_id', '=', change.workflowId)
    .execute();
}

export async function findJobByWorkflowId(db: Db, workflowId: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('workflow_id', '=', workflowId).executeTakeFirst();
}
