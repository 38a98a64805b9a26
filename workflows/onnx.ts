// The ONNX copy of a trained version (export + parity check, ml/dataml_jobs/jobs/onnx.py), run after the version is
// Completed: until it is recorded the version serves with its Python pipeline (api/services/inference.ts), then
// with the copy (in-process ONNX runtime). A failure only records why the version has no copy; the model stays usable.
import { CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { OnnxJobResult } from '../contracts/train-workflows.js';
import { failureMessage, runRayJob } from './ray-job.js';
import { RECORD_ACTIVITY } from './activity-options.js';

const { recordOnnx } = proxyActivities<Activities>(RECORD_ACTIVITY);

export interface OnnxStepInput {
  trainingId: number;
  tenantId: string;
  job: { trainId: number; table: string; snapshotId: string; modelKey: string; metadataKey: string; artifactPrefix: string };
}

export async function runOnnxStep(input: OnnxStepInput): Promise<void> {
  try {
    const { result } = await runRayJob<OnnxJobResult & { timings?: Record<string, number> }>({
      job: 'onnx',
      step: 'onnx',
      input: input.job,
      tenantId: input.tenantId,
      numCpus: 1,
    });
    const { timings: _timings, ...onnx } = result;
    await recordOnnx({ trainingId: input.trainingId, onnx });
  } catch (err) {
    const cancelled = isCancellation(err);
    await CancellationScope.nonCancellable(() =>
      recordOnnx({
        trainingId: input.trainingId,
        onnx: {
          onnx_key: null,
          onnx: null,
          onnx_status: 'unavailable',
          onnx_reason: cancelled ? 'cancelled before the ONNX copy was made' : `the ONNX export failed: ${failureMessage(err)}`,
        },
      }),
    );
    if (cancelled) throw err;
  }
}
