// The first job, and the pattern every job copies: a workflow that runs one Ray job, which writes a
// small Iceberg table and signals its result back.
import type { LakeProbeInput, LakeProbeResult } from '../contracts/workflows.js';
import { withJobRecord } from './job-lifecycle.js';
import { runRayJob } from './ray-job.js';

export async function lakeProbeWorkflow(input: LakeProbeInput): Promise<LakeProbeResult> {
  return withJobRecord({ kind: 'lake_probe', tenantId: input.tenantId, resourceId: input.probeId }, async () => {
    const { result, submissionId } = await runRayJob<Omit<LakeProbeResult, 'ray_submission_id'>>({
      job: 'lake_probe',
      input,
      tenantId: input.tenantId,
      numCpus: 0.5,
    });
    return { ...result, ray_submission_id: submissionId };
  });
}
