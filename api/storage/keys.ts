// Every S3 key of a tenant's objects, built here and only here. Ray jobs get the full keys (or prefixes) in
// their input, so the layout has this one source of truth.
export const tenantPrefix = (tenantId: string) => `tenants/${tenantId}/`;

/** Raw files and anything else of one dataset (deleted together with the dataset). */
export const datasetPrefix = (tenantId: string, datasetId: number) => `${tenantPrefix(tenantId)}datasets/${datasetId}/`;

/** Where the raw (bronze) files of a dataset are stored, as shown in 6.5 `dataset_path`. */
export const datasetRawPrefix = (tenantId: string, datasetId: number) => `${datasetPrefix(tenantId, datasetId)}raw/`;

/** A file name safe in an S3 key: letters, digits, `.`, `-`, `_` only, bounded. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-120);
  return cleaned || 'file';
}

export const rawFileKey = (tenantId: string, datasetId: number, fileId: number, fileName: string) =>
  `${datasetRawPrefix(tenantId, datasetId)}${fileId}-${safeName(fileName)}`;

/** Every version's artifacts of one training (deleted with the training). */
export const modelsPrefix = (tenantId: string, trainId: number) => `${tenantPrefix(tenantId)}models/${trainId}/`;

/** The artifacts of one trained version (the train job writes model.joblib, model.onnx, metadata.json here). */
export const modelArtifactPrefix = (tenantId: string, trainId: number, version: number) => `${modelsPrefix(tenantId, trainId)}v${version}`;

export const predictionCsvKey = (tenantId: string, predictionId: number) =>
  `${tenantPrefix(tenantId)}predictions/${predictionId}/predictions.csv`;

export const s3Uri = (bucket: string, key: string) => `s3://${bucket}/${key}`;

/** The sampled 9.1 inputs one drift run flushes to its version's gold table (deleted when the run ends). */
export const driftSamplesKey = (tenantId: string, trainId: number, runId: number) =>
  `${tenantPrefix(tenantId)}drift/${trainId}/samples-run-${runId}.jsonl`;

/** A job input too large for a command line, staged by activities/ray.ts: one per submission, so a retried submit
 * overwrites its own copy. */
export const jobInputKey = (submissionId: string) => `jobs/inputs/${submissionId}.json`;

/**
 * Wildcard patterns (SeaweedFS identity actions, config/s3-job-access.ts) of the keys above that Ray jobs touch,
 * built from the same functions so a layout change moves the grants with it. `*` spans `/`.
 */
export const jobKeyPatterns = {
  rawFiles: `${tenantPrefix('*')}datasets/*/raw/*`,
  models: `${tenantPrefix('*')}models/*`,
  predictions: `${tenantPrefix('*')}predictions/*`,
  driftSamples: `${tenantPrefix('*')}drift/*`,
  jobInputs: jobInputKey('*'),
} as const;
