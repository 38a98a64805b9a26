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

/** Sets the status; returns the job's kind and creation time (undefined when there is no such job). */
export async function setJobStatus(db: Db, change: JobStatusChange): Promise<{ kind: string; created_at: Date } | undefined> {
  return db
    .updateTable('jobs')
    .set({
      status: change.status,
      updated_at: new Date(),
      ...(change.message !== undefined ? { message: change.message } : {}),
      ...(change.raySubmissionId !== undefined ? { ray_submission_id: change.raySubmissionId } : {}),
      ...(change.result !== undefined ? { result: JSON.stringify(change.result) } : {}),
    })
    .where('workflow_id', '=', change.workflowId)
    .returning(['kind', 'created_at'])
    .executeTakeFirst();
}

export async function findJobByWorkflowId(db: Db, workflowId: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('workflow_id', '=', workflowId).executeTakeFirst();
}

export interface JobListFilter {
  tenantId: string;
  kind?: string;
  status?: string;
  resourceId?: string;
  limit: number;
  offset: number;
}

/** One page of a tenant's jobs, newest first, and how many match in all. */
export async function listTenantJobs(db: Db, f: JobListFilter): Promise<{ total: number; rows: JobRow[] }> {
  let q = db.selectFrom('jobs').where('tenant_id', '=', f.tenantId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.resourceId) q = q.where('resource_id', '=', f.resourceId);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** The job of `workflowId` if it belongs to the tenant (another tenant's job is as good as missing). */
export async function findTenantJob(db: Db, tenantId: string, workflowId: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('workflow_id', '=', workflowId).where('tenant_id', '=', tenantId).executeTakeFirst();
}
