// Validates the files of one upload, one Ray job per file (ml/dataml_jobs/jobs/validate.py): each job checks
// every row against the template and commits the valid rows to the dataset's Iceberg table once, keyed by the
// file id. Results go to Postgres through activities; a file whose job fails becomes a failed file with the
// job's error in its report, so the dataset's status always tells the truth.
import { CancellationScope, isCancellation, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { UploadValidateInput, UploadValidateResult, ValidateJobResult } from '../contracts/data-workflows.js';
import { withJobRecord } from './job-lifecycle.js';
import { failureMessage, runRayJob } from './ray-job.js';
import { RECORD_ACTIVITY } from './activity-options.js';
import { publishEvent } from './events.js';

const { markFilesValidating, recordFileValidation, refreshDatasetStatus } = proxyActivities<Activities>(RECORD_ACTIVITY);

function failedReport(message: string, rule = 'job_failed') {
  return {
    valid: false,
    total_rows: 0,
    valid_rows: 0,
    invalid_rows: 0,
    counts: { [rule]: 1 },
    examples: [{ row: 0, column: null, value: null, rule, message }],
  };
}

export async function uploadValidateWorkflow(input: UploadValidateInput): Promise<UploadValidateResult> {
  return withJobRecord({ kind: 'upload_validate', tenantId: input.tenantId, resourceId: String(input.datasetId) }, async () => {
    const { workflowId } = workflowInfo();
    await markFilesValidating({ fileIds: input.files.map((f) => f.fileId), workflowId });
    const results: UploadValidateResult['files'] = [];
    const pending = new Set(input.files.map((f) => f.fileId));
    try {
      for (const file of input.files) {
        let status: 'valid' | 'invalid' | 'failed';
        try {
          const { result } = await runRayJob<ValidateJobResult>({
            job: 'validate',
            step: `file-${file.fileId}`,
            tenantId: input.tenantId,
            numCpus: 1,
            input: {
              tenantId: input.tenantId,
              datasetId: input.datasetId,
              fileId: file.fileId,
              bucket: input.bucket,
              key: file.key,
              table: input.table,
              template: input.template,
            },
          });
          status = !result.readable ? 'failed' : (result.error_report as { valid?: boolean }).valid ? 'valid' : 'invalid';
          await recordFileValidation({
            fileId: file.fileId,
            status,
            totalFields: result.total_fields,
            totalRecords: result.total_records,
            validRows: result.valid_rows,
            invalidRows: result.invalid_rows,
            errorReport: result.error_report,
            snapshotId: result.snapshot_id,
          });
          results.push({
            fileId: file.fileId,
            status,
            validRows: result.valid_rows,
            snapshotId: result.snapshot_id,
            phases: result.phases,
          });
        } catch (err) {
          if (isCancellation(err)) throw err;
          const message = `validation job failed: ${failureMessage(err)}`;
          await recordFileValidation({
            fileId: file.fileId,
            status: 'failed',
            totalFields: null,
            totalRecords: null,
            validRows: null,
            invalidRows: null,
            errorReport: failedReport(message),
            snapshotId: null,
          });
          results.push({ fileId: file.fileId, status: 'failed', validRows: null, snapshotId: null });
        }
        pending.delete(file.fileId);
      }
    } catch (err) {
      if (isCancellation(err)) {
        await CancellationScope.nonCancellable(async () => {
          for (const fileId of pending) {
            await recordFileValidation({
              fileId,
              status: 'failed',
              totalFields: null,
              totalRecords: null,
              validRows: null,
              invalidRows: null,
              errorReport: failedReport('validation was cancelled', 'cancelled'),
              snapshotId: null,
            });
          }
        });
      }
      throw err;
    } finally {
      await CancellationScope.nonCancellable(() => refreshDatasetStatus({ datasetId: input.datasetId }));
    }
    // patched(): histories recorded before webhooks ended here without publishing.
    if (patched('webhook-events')) {
      const validated = results.every((f) => f.status === 'valid');
      await publishEvent(validated ? 'upload.validated' : 'upload.failed', input.tenantId, {
        dataset_id: input.datasetId,
        workflow_id: workflowId,
        files: results.map((f) => ({ file_id: f.fileId, status: f.status, valid_rows: f.validRows })),
      });
    }
    return { datasetId: input.datasetId, files: results };
  });
}
