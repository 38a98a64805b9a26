// One step that does nothing (ml/dataml_jobs/jobs/noop.py): the fixed cost of a step, submit to Completed,
// measured by `npm run bench -- jobs`.
import { withJobRecord } from './job-lifecycle.js';
import { runRayJob } from './ray-job.js';

export async function noopStepWorkflow(input: { id: string }): Promise<{ submissionId: string }> {
  return withJobRecord({ kind: 'noop', resourceId: input.id }, async () => {
    const { submissionId } = await runRayJob({ job: 'noop', input: {}, numCpus: 0.5 });
    return { submissionId };
  });
}
