// Removes what 6.4 / 7.4 deleted from the datalake (a dataset's table, or a file's rows) with a Ray job
// (ml/dataml_jobs/jobs/lake_cleanup.py), retried until done; the API answers without waiting for it.
import type { LakeCleanupInput } from '../contracts/data-workflows.js';
import { withJobRecord } from './job-lifecycle.js';
import { runRayJob } from './ray-job.js';

export async function lakeCleanupWorkflow(input: LakeCleanupInput): Promise<Record<string, unknown>> {
  return withJobRecord({ kind: 'lake_cleanup', tenantId: input.tenantId, resourceId: input.table }, async () => {
    const { result } = await runRayJob({
      job: 'lake_cleanup',
      input: { table: input.table, ...(input.fileIds ? { fileIds: input.fileIds } : {}) },
      tenantId: input.tenantId,
      numCpus: 0.5,
    });
    return result;
  });
}
