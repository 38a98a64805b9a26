// Activities of the training module: persist what the train and SHAP jobs report (through the repositories).
import type { Kysely } from 'kysely';
import type { OnnxJobResult, TrainJobResult } from '../contracts/train-workflows.js';
import type { Database } from '../db/database.js';
import { recordTrainingResult, setOnnx, setShap, setTrainingStatus } from '../db/repositories/train.js';

export function createTrainActivities({ db }: { db: Kysely<Database> }) {
  return {
    async recordTrainingResult(input: { trainingId: number; submissionId: string; result: TrainJobResult }): Promise<number> {
      const r = input.result;
      const headline = typeof r.metrics.headline === 'number' ? r.metrics.headline : null;
      return recordTrainingResult(db, {
        trainingId: input.trainingId,
        raySubmissionId: input.submissionId,
        snapshotId: r.snapshot_id,
        chosenAlgorithm: r.algorithm,
        modelClass: r.model_class,
        metrics: {
          ...r.metrics,
          baseline: r.baseline,
          leaderboard: r.leaderboard,
          rows: r.rows,
          class_labels: r.class_labels,
          duration_seconds: r.duration_seconds,
        },
        accuracy: headline,
        preprocess: r.preprocess,
        artifact: { ...r.artifact, features: r.features },
        libraryVersions: r.library_versions,
        config: { ...r.config, seed: r.seed },
      });
    },
    async recordTrainingStatus(input: { trainingId: number; status: string; error?: string | null }): Promise<void> {
      await setTrainingStatus(db, input.trainingId, { status: input.status, error: input.error ?? null });
    },
    /** The version's ONNX copy, made after it was Completed: serving switches to it on its next read of the row. */
    async recordOnnx(input: { trainingId: number; onnx: OnnxJobResult }): Promise<void> {
      await setOnnx(db, input.trainingId, { ...input.onnx });
    },
    async recordShap(input: {
      trainingId: number;
      status: string;
      workflowId?: string;
      result?: Record<string, number> | null;
      error?: string | null;
    }) {
      await setShap(db, input.trainingId, { status: input.status, workflowId: input.workflowId, result: input.result, error: input.error });
    },
  };
}
