// Activities of drift runs (issue 15): build the run's Ray job input (flushing the version's sampled 9.1 inputs to
// S3 for the job to append to its gold Iceberg table), record the outcome, and start a scheduled check's run.
// Each is idempotent by the run's id (a scheduled start by its firing's workflow id).
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SearchAttributePair } from '@temporalio/common';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { ScheduledDriftInput } from '../contracts/drift.js';
import { workflowIds } from '../contracts/workflows.js';
import { HttpError } from '../api/errors.js';
import { recordDriftRun } from '../api/services/drift.js';
import { driftSamplesKey } from '../api/storage/keys.js';
import { deleteKeys } from '../api/storage/objects.js';
import { jobSearchAttributes } from '../api/temporal/start-job.js';
import type { Database } from '../db/database.js';
import * as repo from '../db/repositories/drift.js';
import { aliasTarget } from '../db/repositories/model-aliases.js';
import { datasetForTraining, findTrainingById } from '../db/repositories/train.js';

/** Sampled requests flushed by one run at most; the rest wait for the next run. */
export const MAX_FLUSHED_SAMPLES = 100_000;

/** The gold Iceberg table of a version's sampled real-time inputs (train ids are global, so one per version). */
export const driftSamplesTable = (trainingId: number) => `gold.drift_samples_${trainingId}`;

export type DriftJobPrep = { ok: true; job: Record<string, unknown>; flushed: number; trainId?: number } | { ok: false; error: string };

export interface DriftFinish {
  tenantId: string;
  runId: number;
  result?: Record<string, unknown> & { drift_detected?: boolean };
  error?: string;
  cancelled?: boolean;
}

export function createDriftActivities({ db, s3, config }: { db: Kysely<Database>; s3: S3Client; config: Config }) {
  return {
    async prepareDriftJob(a: { tenantId: string; runId: number }): Promise<DriftJobPrep> {
      const run = await repo.findRunById(db, a.runId);
      if (!run || run.tenant_id !== a.tenantId) return { ok: false, error: 'the drift run no longer exists' };
      const t = run.training_id == null ? undefined : await findTrainingById(db, run.training_id);
      if (!t) return { ok: false, error: 'the model version no longer exists' };
      await repo.markRunning(db, run.id);
      const job: Record<string, unknown> = {
        runId: run.id,
        modelKey: (t.artifact as { model_key: string }).model_key,
        referenceTable: t.iceberg_table,
        referenceSnapshotId: t.snapshot_id,
        thresholds: run.params.thresholds,
        sampleRows: run.params.sample_rows,
        seed: run.id,
      };
      if (run.source === 'dataset') {
        const d = await datasetForTraining(db, a.tenantId, run.dataset_id!);
        if (!d?.iceberg_table_name) return { ok: false, error: `dataset ${run.dataset_id} no longer exists or has no rows` };
        return {
          ok: true,
          job: { ...job, current: { kind: 'dataset', table: `silver.${d.iceberg_table_name}` } },
          flushed: 0,
          trainId: t.id,
        };
      }
      // pyiceberg parses an explicit offset, not a trailing Z.
      const since = new Date(Date.now() - run.params.window_hours * 3_600_000).toISOString().replace('Z', '+00:00');
      const current: Record<string, unknown> = { kind: 'realtime', table: driftSamplesTable(t.id), since };
      const samples = await repo.claimSamples(db, run.id, t.id, MAX_FLUSHED_SAMPLES);
      if (samples.length) {
        const key = driftSamplesKey(a.tenantId, t.id, run.id);
        const body = samples
          .map((s) => JSON.stringify({ id: Number(s.id), sampled_at: s.sampled_at.toISOString(), features: s.features }))
          .join('\n');
        await s3.send(new PutObjectCommand({ Bucket: config.s3.bucket, Key: key, Body: body, ContentType: 'application/x-ndjson' }));
        Object.assign(current, { samplesKey: key, commitKey: `drift-samples-run-${run.id}` });
      }
      return { ok: true, job: { ...job, current }, flushed: samples.length, trainId: t.id };
    },

    /** The outcome; the run's flushed samples are deleted (now in the gold table) or, if it failed, released. */
    async finishDriftRun(a: DriftFinish): Promise<void> {
      const run = await repo.findRunById(db, a.runId);
      if (!run) return;
      if (a.result) {
        await repo.finishRun(db, a.runId, { status: 'Completed', result: a.result, driftDetected: Boolean(a.result.drift_detected) });
      } else {
        await repo.finishRun(db, a.runId, { status: a.cancelled ? 'Cancelled' : 'Failed', error: a.error ?? 'failed' });
      }
      // A failed job may have appended its samples already: the next run's job skips the sample ids the table holds.
      await repo.settleSamples(db, a.runId, Boolean(a.result));
      if (run.source === 'realtime' && run.training_id != null)
        await deleteKeys(s3, config.s3.bucket, [driftSamplesKey(run.tenant_id, run.training_id, run.id)]);
    },

    /** A scheduled check's run: the schedule's version now (an alias as it points now), recorded like 8.x's checks. */
    async startScheduledDrift(
      a: ScheduledDriftInput & { workflowId: string },
    ): Promise<{ ok: true; runId: number; workflowId: string; searchAttributes: SearchAttributePair[] } | { ok: false; error: string }> {
      const started = (r: { id: number; workflow_id: string | null; status: string; error: string | null }) =>
        r.status === 'Failed' || !r.workflow_id
          ? { ok: false as const, error: r.error ?? 'the run could not start' }
          : {
              ok: true as const,
              runId: r.id,
              workflowId: r.workflow_id,
              searchAttributes: jobSearchAttributes({ kind: 'drift', tenantId: a.tenantId, resourceId: r.id }),
            };
      const again = await repo.findRunByScheduleWorkflow(db, a.workflowId);
      if (again && !again.workflow_id && again.status !== 'Failed') {
        // Interrupted between the run's insert and its workflow id.
        const workflowId = workflowIds.drift(a.tenantId, again.id);
        await repo.setRunWorkflow(db, again.id, workflowId);
        return started({ ...again, workflow_id: workflowId });
      }
      if (again) return started(again);
      const s = await repo.findScheduleById(db, a.tenantId, a.scheduleId);
      if (!s) return { ok: false, error: 'the schedule no longer exists' };
      const check = { ...s.params, dataset_id: s.dataset_id ?? undefined };
      const fail = async (error: string) =>
        started(
          await repo.insertRun(db, {
            tenantId: a.tenantId,
            trainingId: null,
            modelRef: s.model_ref,
            source: s.dataset_id == null ? 'realtime' : 'dataset',
            datasetId: s.dataset_id,
            params: s.params,
            username: `schedule:${s.name}`,
            scheduleId: s.id,
            scheduleWorkflowId: a.workflowId,
            status: 'Failed',
            error,
          }),
        );
      let trainingId: number | undefined;
      if (/^\d+$/.test(s.model_ref)) trainingId = Number(s.model_ref);
      else {
        const at = s.model_ref.lastIndexOf('@');
        trainingId = await aliasTarget(db, a.tenantId, s.model_ref.slice(0, at), s.model_ref.slice(at + 1));
        if (trainingId === undefined) return fail(`the alias ${s.model_ref} points at no version`);
      }
      try {
        const run = await recordDriftRun(db, {
          tenantId: a.tenantId,
          username: `schedule:${s.name}`,
          trainingId,
          modelRef: s.model_ref,
          check,
          schedule: { id: s.id, workflowId: a.workflowId },
        });
        return started(run);
      } catch (err) {
        if (err instanceof HttpError && err.status < 500) return fail(err.message);
        throw err;
      }
    },
  };
}
