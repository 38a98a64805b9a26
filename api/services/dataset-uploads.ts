// What 6.1 (upload) and 7.1 (add files) share: receiving the multipart stream into S3, cleaning up after a
// failed request, starting the upload-validate workflow.
import type { UploadValidateInput } from '../../contracts/data-workflows.js';
import { workflowIds } from '../../contracts/workflows.js';
import * as repo from '../../db/repositories/datasets.js';
import { findTemplateVersion } from '../../db/repositories/templates.js';
import type { AppDeps } from '../deps.js';
import { badRequest, conflict, HttpError, payloadTooLarge, unprocessable } from '../errors.js';
import { rawFileKey } from '../storage/keys.js';
import { deleteKeys } from '../storage/objects.js';
import { startJob } from '../temporal/start-job.js';
import { MultipartError, MultipartLimitError, parseMultipart } from '../uploads/multipart.js';
import { SizeLimitError, StorageUnavailableError, streamToS3 } from '../uploads/storage.js';
import type { UploadRequest } from '../uploads/upload-request.js';

export interface ReceivedFile {
  id: number;
  fileName: string;
  key: string;
  size: number;
  sha256: string;
  head: Buffer;
  createdAt: Date;
}

const storageUnavailable = () =>
  new HttpError(503, 'service_unavailable', 'Object storage is unavailable; retry later', undefined, { 'Retry-After': '10' });

/**
 * Removes stored objects of a failed request. While S3 itself is failing this would only wait out its
 * timeouts again, so the client gets its answer at once and the removal goes on in the background.
 */
export async function removeObjects(deps: AppDeps, remove: () => Promise<unknown>, cause: unknown): Promise<void> {
  const attempt = remove().then(
    () => undefined,
    (e) => deps.log.warn({ err: e }, 'cleanup of S3 objects of a failed upload failed'),
  );
  const outage = cause instanceof StorageUnavailableError || (cause instanceof HttpError && cause.status === 503);
  if (!outage) await attempt;
}

/**
 * Streams every `files` part to S3 as it arrives, then writes their rows in one transaction: on any failure
 * no row exists and the objects stored so far are removed; the error is mapped (413 over the limit, 400
 * malformed body, 422 no file, 503 S3 unavailable).
 */
export async function receiveFiles(
  deps: AppDeps,
  upload: UploadRequest,
  target: { tenantId: string; datasetId: number },
): Promise<ReceivedFile[]> {
  const { db, s3, config } = deps;
  const stored: Array<Omit<ReceivedFile, 'createdAt'>> = [];
  const budget = { remaining: config.api.uploadMaxBytes, limit: config.api.uploadMaxBytes };
  try {
    await parseMultipart(upload.body, upload.contentType, { fileSize: config.api.uploadMaxBytes }, async (part) => {
      const fileName = part.filename.split(/[\\/]/).pop()!.slice(0, 255) || 'file.csv';
      const id = await repo.reserveFileId(db);
      const key = rawFileKey(target.tenantId, target.datasetId, id, fileName);
      const object = await streamToS3(s3, config.s3.bucket, key, part.body, budget);
      stored.push({ id, fileName, key, size: object.size, sha256: object.sha256, head: object.head });
    });
    if (stored.length === 0) throw unprocessable('at least one file is required under "files"');
    // The same content twice (in this request, or already in the dataset) would only duplicate rows.
    const seen = new Map<string, string>();
    for (const f of stored) {
      const twin = seen.get(f.sha256);
      if (twin) throw conflict(`"${f.fileName}" has the same content as "${twin}" in this upload`);
      seen.set(f.sha256, f.fileName);
      const existing = await repo.findDuplicateFile(db, target.datasetId, f.sha256, []);
      if (existing) {
        throw conflict(`"${f.fileName}" has the same content as file ${existing.id} ("${existing.file_name}") already in the dataset`, {
          file_id: existing.id,
        });
      }
    }
    const rows = await db.transaction().execute((trx) =>
      repo.insertStoredFiles(
        trx,
        stored.map((f) => ({ ...f, datasetId: target.datasetId, tenantId: target.tenantId })),
      ),
    );
    const createdAt = new Map(rows.map((r) => [Number(r.id), r.created_at]));
    return stored.map((f) => ({ ...f, createdAt: createdAt.get(f.id)! }));
  } catch (err) {
    // A file whose upload failed was aborted by streamToS3; the completed ones are removed here.
    await removeObjects(
      deps,
      () =>
        deleteKeys(
          s3,
          config.s3.bucket,
          stored.map((f) => f.key),
        ),
      err,
    );
    if (err instanceof HttpError) throw err;
    if (err instanceof SizeLimitError || err instanceof MultipartLimitError) throw payloadTooLarge(err.message);
    if (err instanceof MultipartError) throw badRequest(err.message);
    if (err instanceof StorageUnavailableError) {
      deps.log.warn({ err: err.cause }, 'S3 failed during an upload');
      throw storageUnavailable();
    }
    throw err;
  }
}

/** Removes the rows and objects of files received by this request (a later step of it failed). */
export async function discardFiles(deps: AppDeps, files: ReceivedFile[], cause: unknown): Promise<void> {
  await repo.deleteFileRows(
    deps.db,
    files.map((f) => f.id),
  );
  await removeObjects(
    deps,
    () =>
      deleteKeys(
        deps.s3,
        deps.config.s3.bucket,
        files.map((f) => f.key),
      ),
    cause,
  );
}

/** Starts the upload-validate workflow for `files` against the dataset's template version. */
export async function startValidation(
  deps: AppDeps,
  dataset: { id: number; tenantId: string; icebergTable: string; templateId: number; templateVersion: number },
  files: ReceivedFile[],
): Promise<string> {
  const [version, targets] = await Promise.all([
    findTemplateVersion(deps.db, dataset.tenantId, dataset.templateId, dataset.templateVersion),
    repo.predictionTargetColumns(deps.db, dataset.tenantId, dataset.id),
  ]);
  // Rows to predict do not know their target: in a prediction dataset the Target columns of the models trained
  // on this template may be missing or empty (the validator leaves them null) while every other column is checked.
  const optional = new Set(targets);
  const input: UploadValidateInput = {
    tenantId: dataset.tenantId,
    datasetId: dataset.id,
    bucket: deps.config.s3.bucket,
    table: `${repo.SILVER}.${dataset.icebergTable}`,
    template: (version?.template_schema ?? []).map((c) => ({
      column_name: c.column_name,
      data_type: c.data_type as UploadValidateInput['template'][number]['data_type'],
      default_value: c.default_value,
      nullable: c.nullable || optional.has(c.column_name),
      ...(optional.has(c.column_name) ? { optional: true } : {}),
    })),
    files: files.map((f) => ({ fileId: f.id, key: f.key })),
  };
  const workflowId = workflowIds.uploadValidate(dataset.id, files[0]!.id);
  await repo.setFilesWorkflow(
    deps.db,
    files.map((f) => f.id),
    workflowId,
  );
  await startJob(deps.temporal, deps.config, {
    workflow: 'uploadValidateWorkflow',
    workflowId,
    args: [input],
    kind: 'upload_validate',
    tenantId: dataset.tenantId,
    resourceId: dataset.id,
  });
  deps.log.info({ workflowId, datasetId: dataset.id, files: files.length }, 'upload-validate workflow started');
  return workflowId;
}
