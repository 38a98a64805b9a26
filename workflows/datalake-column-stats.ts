// Statistics of one column of a datalake table (11.5, 11.6), by the statistics Ray job; the API waits for it.
import type { ColumnStatsInput } from '../contracts/data-workflows.js';
import { withJobRecord } from './job-lifecycle.js';
import { runRayJob } from './ray-job.js';

export async function datalakeColumnStatsWorkflow(input: ColumnStatsInput): Promise<Record<string, unknown>> {
  return withJobRecord(
    { kind: 'datalake_column_stats', tenantId: input.tenantId, resourceId: `${input.table}.${input.column}` },
    async () => {
      const { result } = await runRayJob<{ columns: Array<Record<string, unknown>>; row_count: number }>({
        job: 'statistics',
        input: { table: input.table, columns: [input.column] },
        tenantId: input.tenantId,
        numCpus: 0.5,
      });
      return result.columns[0] ?? {};
    },
  );
}
