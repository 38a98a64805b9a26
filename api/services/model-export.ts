// Export of one trained version (issue 15): its artifacts as one .tar.gz streamed from S3 — the Python pipeline
// (model.joblib), its ONNX copy when it has one, the job's metadata.json, and a model card (model-card.json) that
// says what the model is without loading it: features and types, target, metrics, data snapshot, library
// versions, workflow id.
import type { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { ModelRef } from '../../contracts/aliases.js';
import { findTraining, type TrainingRecord } from '../../db/repositories/train.js';
import type { AppDeps } from '../deps.js';
import { conflict, notFound } from '../errors.js';
import { modelsPrefix, safeName } from '../storage/keys.js';
import { openObject, type OpenedObject } from '../storage/objects.js';
import { resolveModelRef } from './model-aliases.js';

export const MODEL_CARD_FORMAT = 'dataml-model-card/1';

/** What the train job stored in `trainings.artifact` (ml/dataml_jobs/training/artifacts.py) that the card shows. */
interface StoredArtifact {
  features?: Array<{ column_name: string; data_type: string; kind?: string; default_value?: string | null }>;
  onnx_key?: string | null;
  onnx_reason?: string | null;
  sha256?: string;
}

function modelCard(t: TrainingRecord, files: string[]) {
  const artifact = (t.artifact ?? {}) as StoredArtifact;
  const metrics = (t.metrics ?? {}) as Record<string, unknown>;
  const target = t.columns.find((c) => c.attribute_name === 'Target');
  return {
    format: MODEL_CARD_FORMAT,
    train_id: t.id,
    predictor_name: t.predictor_name,
    version: t.version,
    parent_train_id: t.parent_training_id,
    domain: t.domain,
    problem_type: t.problem_type,
    algorithm: t.chosen_algorithm ?? t.algorithm,
    model_class: t.model_class,
    target: target ? { column_name: target.column_name, data_type: target.data_type } : null,
    features: (artifact.features ?? []).map((f) => ({
      column_name: f.column_name,
      data_type: f.data_type,
      kind: f.kind ?? null,
      default_value: f.default_value ?? null,
    })),
    columns: t.columns,
    class_labels: Array.isArray(metrics.class_labels) ? metrics.class_labels : null,
    metrics,
    accuracy: t.accuracy,
    data: {
      dataset_id: t.dataset_id,
      dataset_name: t.dataset_name,
      iceberg_table: t.iceberg_table,
      snapshot_id: t.snapshot_id,
      file_snapshot_ids: t.file_snapshot_ids,
      template_id: t.template_id,
      template_version: t.template_version,
    },
    seed: t.seed,
    library_versions: t.library_versions,
    workflow_id: t.workflow_id,
    ray_submission_id: t.ray_job_id,
    onnx: artifact.onnx_key ? { included: true, reason: null } : { included: false, reason: artifact.onnx_reason ?? null },
    artifact_sha256: { 'model.joblib': artifact.sha256 ?? null },
    files,
    created_by: t.created_by,
    created_at: t.created_at.toISOString(),
  };
}

/**
 * Checks the version and opens its objects (so a missing one answers before any byte is sent), then returns the
 * archive as a stream: entries are copied from S3 one after the other, never held whole in memory.
 */
export async function openModelExport(deps: AppDeps, tenantId: string, ref: ModelRef): Promise<{ fileName: string; body: Readable }> {
  const id = await resolveModelRef(deps, tenantId, ref);
  const t = await findTraining(deps.db, tenantId, id);
  if (!t) throw notFound('Model (training)');
  if (t.effective_status !== 'Completed') throw conflict(`The model is ${t.effective_status}; only a Completed version can be exported`);
  const artifact = (t.artifact ?? {}) as Record<string, string | null | undefined>;
  // Keys come from the training row; they must lie under this training's own prefix (never another tenant's).
  const own = modelsPrefix(tenantId, t.id);
  const wanted: Array<[string, string | null | undefined]> = [
    ['model.joblib', artifact.model_key],
    ['model.onnx', artifact.onnx_key],
    ['metadata.json', artifact.metadata_key],
  ];
  const present = wanted.filter((w): w is [string, string] => typeof w[1] === 'string' && w[1].startsWith(own));
  if (!present.some(([name]) => name === 'model.joblib')) throw conflict('The model has no stored artifact');
  const opened: Array<[string, OpenedObject]> = [];
  try {
    for (const [name, key] of present) opened.push([name, await openObject(deps.s3, deps.config.s3.bucket, key)]);
  } catch (err) {
    for (const [, o] of opened) o.body.destroy();
    throw err;
  }
  const dir = `${safeName(t.predictor_name)}-v${t.version}`;
  const card = Buffer.from(`${JSON.stringify(modelCard(t, ['model-card.json', ...present.map(([n]) => n)]), null, 1)}\n`);
  const pack = tar.pack();
  const gzip = createGzip();
  const fail = (err: unknown) => {
    for (const [, o] of opened) o.body.destroy();
    gzip.destroy(err as Error);
  };
  pack.on('error', fail);
  void (async () => {
    pack.entry({ name: `${dir}/model-card.json`, size: card.length }, card);
    for (const [name, o] of opened) {
      await new Promise<void>((resolve, reject) => {
        const entry = pack.entry({ name: `${dir}/${name}`, size: o.contentLength }, (err) => (err ? reject(err) : resolve()));
        o.body.on('error', reject);
        o.body.pipe(entry);
      });
    }
    pack.finalize();
  })().catch(fail);
  return { fileName: `${dir}.tar.gz`, body: pack.pipe(gzip) };
}
