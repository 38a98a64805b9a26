// Statistics of a dataset (6.7): one Ray job (ml/dataml_jobs/jobs/statistics.py) over the dataset's Iceberg table;
// the result is stored in Postgres, where GET /api/v1/dataset/statistics reads it.
import { CancellationScope, isCancellation, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { StatisticsInput, StatisticsJobResult } from '../contracts/data-workflows.js';
import { withJobRecord } from './job-lifecycle.js';
import { failureMessage, runRayJob } from './ray-job.js';
import { RECORD_ACTIVITY } from './activity-options.js';

const { recordStatistics } = proxyActivities<Activities>(RECORD_ACTIVITY);

export async function statisticsWorkflow(input: StatisticsInput): Promise<{ snapshotId: string | null; rows: number }> {
  const { workflowId } = workflowInfo();
  return withJobRecord({ kind: 'statistics', tenantId: input.tenantId, resourceId: String(input.datasetId) }, async () => {
    await recordStatistics({ workflowId, status: 'Running' });
    try {
      const { result } = await runRayJob<StatisticsJobResult>({
        job: 'statistics',
        input: { table: input.table },
        tenantId: input.tenantId,
        numCpus: 1,
      });
      await recordStatistics({ workflowId, status: 'Completed', columns: result.columns, snapshotId: result.snapshot_id });
      return { snapshotId: result.snapshot_id, rows: result.row_count };
    } catch (err) {
      const cancelled = isCancellation(err);
      await CancellationScope.nonCancellable(() =>
        recordStatistics({
          workflowId,
          status: cancelled ? 'Cancelled' : 'Failed',
          message: cancelled ? 'Cancelled on request' : failureMessage(err),
        }),
      );
      throw err;
    }
  });
}
