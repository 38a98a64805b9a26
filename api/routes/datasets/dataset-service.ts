// What 6.1 (upload) and 7.1 (add files) share: receiving the multipart stream into S3, cleaning up after a
// failed request, starting the upload-validate workflow; and the response shapes of datasets and files.
import type { Context } from 'hono';
import type { Readable } from 'node:stream';
import type { UploadValidateInput } from '../../../contracts/data-workflows.js';
import type { ErrorReport } from '../../../contracts/files.js';
import { workflowIds } from '../../../contracts/workflows.js';
import * as repo from '../../../db/repositories/datasets.js';
import { findTemplateVersion } from '../../../db/repositories/templates.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import type { AppDeps } from '../../deps.js';
import { badRequest, conflict, HttpError, payloadTooLarge, unprocessable } from '../../errors.js';
import { startJob } from '../../temporal/start-job.js';
import { boundaryOf, MultipartError, parseMultipart } from '../../uploads/multipart.js';
import { deleteKeys, rawFileKey, SizeLimitError, streamToS3 } from '../../uploads/storage.js';

export interface ReceivedFile {
  id: number;
  fileName: string;
  key: string;
  size: number;
  sha256: string;
  head: Buffer;
  createdAt: Date;
}

type FileRow = Awaited<ReturnType<typeof repo.listFiles>>[number];

export const s3Uri = (bucket: string, key: string) => `s3://${bucket}/${key}`;

export function fileOut(f: FileRow) {
  return {
    dataset_id: f.dataset_id,
    id: f.id,
    file_name: f.file_name,
    created_at: f.created_at.toISOString(),
    modified_at: f.modified_at.toISOString(),
    total_fields: f.total_fields,
    total_records: f.total_records,
    error_report: (f.error_report ?? null) as ErrorReport | null,
    status: f.status,
    snapshot_id: f.snapshot_id,
  };
}

/** Early checks of a multipart request: boundary present (422) and declared length within the limit (413). */
export function checkUploadRequest(c: Context<AuthedEnv>): string {
  const boundary = boundaryOf(c.req.header('content-type'));
  if (!boundary) throw unprocessable('multipart/form-data with one or more files under "files" is required');
  const limit = c.var.deps.config.api.uploadMaxBytes;
  const declared = Number(c.req.header('content-length') ?? NaN);
  // The multipart envelope adds a few hundred bytes per file; the exact limit is enforced while streaming.
  if (Number.isFinite(declared) && declared > limit + 64 * 1024) {
    throw payloadTooLarge(`upload of ${declared} bytes exceeds the limit of ${limit} bytes`);
  }
  return boundary;
}

/**
 * The request body as a byte stream. Under @hono/node-server that is the Node request itself, read directly
 * while nothing else has started reading it: its backpressure counts bytes, where the web stream that
 * `Readable.toWeb` makes of it (Node 20) counts chunks and may queue thousands of them while S3 is slower
 * than the client. Elsewhere (app.request in tests) it is the web body.
 */
function requestBody(c: Context<AuthedEnv>): AsyncIterable<Uint8Array> | null {
  const incoming = (c.env as { incoming?: Readable } | undefined)?.incoming;
  if (incoming && typeof incoming.read === 'function' && incoming.readableFlowing === null && !incoming.readableDidRead && !incoming.destroyed) {
    return incoming;
  }
  return (c.req.raw.body as unknown as AsyncIterable<Uint8Array> | null) ?? null;
}

/**
 * Streams every `files` part to S3 as it arrives. On any failure the objects and rows created so far are
 * removed and the error is mapped (413 over the limit, 400 malformed body, 422 no file).
 */
export async function receiveFiles(
  c: Context<AuthedEnv>,
  boundary: string,
  target: { tenantId: string; datasetId: number },
): Promise<ReceivedFile[]> {
  const { db, s3, config, log } = c.var.deps;
  const received: ReceivedFile[] = [];
  const createdIds: number[] = [];
  const budget = { remaining: config.api.uploadMaxBytes, limit: config.api.uploadMaxBytes };
  const body = requestBody(c);
  if (!body) throw unprocessable('the request has no body');
  try {
    await parseMultipart(body, boundary, async (part) => {
      if (part.name !== 'files' || part.filename === null) {
        part.body.resume(); // other fields are ignored
        await new Promise((r) => part.body.once('end', r).once('close', r));
        return;
      }
      const fileName = part.filename.split(/[\\/]/).pop()!.slice(0, 255) || 'file.csv';
      const row = await repo.insertFile(db, { datasetId: target.datasetId, tenantId: target.tenantId, fileName });
      createdIds.push(row.id);
      const key = rawFileKey(target.tenantId, target.datasetId, row.id, fileName);
      const stored = await streamToS3(s3, config.s3.bucket, key, part.body, budget);
      await repo.setFileStored(db, row.id, stored);
      received.push({ id: row.id, fileName, key, size: stored.size, sha256: stored.sha256, head: stored.head, createdAt: row.created_at });
    });
    if (received.length === 0) throw unprocessable('at least one file is required under "files"');
    // The same content twice (in this request, or already in the dataset) would only duplicate rows.
    const seen = new Map<string, string>();
    for (const f of received) {
      const twin = seen.get(f.sha256);
      if (twin) throw conflict(`"${f.fileName}" has the same content as "${twin}" in this upload`);
      seen.set(f.sha256, f.fileName);
      const existing = await repo.findDuplicateFile(db, target.datasetId, f.sha256, createdIds);
      if (existing) {
        throw conflict(`"${f.fileName}" has the same content as file ${existing.id} ("${existing.file_name}") already in the dataset`, {
          file_id: existing.id,
        });
      }
    }
    return received;
  } catch (err) {
    await deleteKeys(s3, config.s3.bucket, received.map((f) => f.key)).catch((e) => log.warn({ err: e }, 'cleanup of S3 objects failed'));
    // An aborted multipart upload leaves nothing; a completed one for a later-failing request was deleted above.
    await repo.deleteFileRows(db, createdIds).catch((e) => log.warn({ err: e }, 'cleanup of file rows failed'));
    if (err instanceof HttpError) throw err;
    if (err instanceof SizeLimitError) throw payloadTooLarge(err.message);
    if (err instanceof MultipartError) throw badRequest(err.message);
    throw err;
  }
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
  await repo.setFilesWorkflow(deps.db, files.map((f) => f.id), workflowId);
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

export function receivedOut(datasetId: number, files: ReceivedFile[]) {
  return files.map((f) => ({
    dataset_id: datasetId,
    id: f.id,
    file_name: f.fileName,
    created_at: f.createdAt.toISOString(),
    modified_at: f.createdAt.toISOString(),
    total_fields: null,
    total_records: null,
    error_report: null,
    status: 'uploaded' as const,
    snapshot_id: null,
  }));
}
