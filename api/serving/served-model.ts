// A model version as serving uses it, read from its training row (inputs, labels, artifact keys).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ModelTrace } from '../../db/repositories/predictions.js';
import * as trainRepo from '../../db/repositories/train.js';
import { notFound } from '../errors.js';
import type { ModelFeature } from './features.js';

/** A completed or not-yet-completed model version, as read from its training row. */
export interface ServedModel {
  trainingId: number;
  tenantId: string;
  version: number;
  status: string;
  problemType: 'Classification' | 'Regression' | 'Forecast';
  predictorName: string;
  domain: string;
  accuracy: number | null;
  preprocessId: number | null;
  snapshotId: string | null;
  modelKey: string | null;
  onnxKey: string | null;
  target: string;
  targetType: string | null;
  classLabels: unknown[];
  features: ModelFeature[];
  /** Template columns that are not inputs (Id, Target, Ignore roles). */
  otherColumns: Set<string>;
  /** The dataset template the model was trained with (column, type, default, nullable). */
  template: Array<{ column_name: string; data_type: string; default_value: string | null; nullable: boolean }>;
  artifact: Record<string, unknown> | null;
  config: Record<string, unknown>;
}

export const labelName = (v: unknown) => (typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));

function toServed(t: trainRepo.TrainingRecord): ServedModel {
  const artifact = (t.artifact ?? null) as Record<string, unknown> | null;
  const config = (t.config ?? {}) as Record<string, unknown>;
  const template = ((config.template as ServedModel['template']) ?? []).map((c) => ({ ...c, nullable: Boolean(c.nullable) }));
  const byName = new Map(template.map((c) => [c.column_name, c]));
  const stored =
    (artifact?.features as Array<{ column_name: string; data_type: string; kind: string; default_value: string | null }>) ?? [];
  const features: ModelFeature[] = stored.map((f) => ({
    column_name: f.column_name,
    data_type: f.data_type,
    kind: (f.kind as ModelFeature['kind']) ?? 'categorical',
    default_value: f.default_value ?? null,
    nullable: byName.get(f.column_name)?.nullable ?? true,
  }));
  const inputs = new Set(features.map((f) => f.column_name));
  const target = t.columns.find((c) => c.attribute_name === 'Target')?.column_name ?? '';
  const metrics = (t.metrics ?? {}) as Record<string, unknown>;
  return {
    trainingId: Number(t.id),
    tenantId: t.tenant_id,
    version: t.version,
    status: t.effective_status,
    problemType: t.problem_type as ServedModel['problemType'],
    predictorName: t.predictor_name,
    domain: t.domain,
    accuracy: t.accuracy,
    preprocessId: t.preprocess_id == null ? null : Number(t.preprocess_id),
    snapshotId: t.snapshot_id,
    modelKey: (artifact?.model_key as string) ?? null,
    onnxKey: (artifact?.onnx_key as string) ?? null,
    target,
    targetType: byName.get(target)?.data_type ?? null,
    classLabels: Array.isArray(metrics.class_labels) ? (metrics.class_labels as unknown[]) : [],
    features,
    otherColumns: new Set(template.map((c) => c.column_name).filter((c) => !inputs.has(c))),
    template,
    artifact,
    config,
  };
}

export const traceOf = (m: ServedModel): ModelTrace => ({
  tenantId: m.tenantId,
  trainingId: m.trainingId,
  modelVersion: m.version,
  preprocessId: m.preprocessId,
  trainSnapshotId: m.snapshotId,
  modelKey: m.modelKey,
});

/** How long a model's row is reused without reading it again (status, preprocess record, deletion). */
const MODEL_TTL_MS = 2000;

/** The tenants' models as serving reads them: briefly cached, so a request does not cost a database round trip. */
export class ServedModels {
  private readonly models = new Map<string, { at: number; model: Promise<ServedModel | undefined> }>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The tenant's model; `fresh` reads its row again (404 when there is none). */
  async model(tenantId: string, trainId: number, fresh = false): Promise<ServedModel> {
    const key = `${tenantId}:${trainId}`;
    const hit = this.models.get(key);
    let entry = hit && !fresh && Date.now() - hit.at < MODEL_TTL_MS ? hit : undefined;
    if (!entry) {
      entry = { at: Date.now(), model: trainRepo.findTraining(this.db, tenantId, trainId).then((t) => (t ? toServed(t) : undefined)) };
      this.models.set(key, entry);
      entry.model.catch(() => this.models.delete(key));
      if (this.models.size > 10_000) this.models.clear();
    }
    const m = await entry.model;
    if (!m) {
      this.models.delete(key);
      throw notFound('Model (training)');
    }
    return m;
  }
}
