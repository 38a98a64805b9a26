// Upload sessions: a file goes from the client straight to S3 (presigned multipart part URLs) and completing
// the session starts the same upload-validate workflow as 7.1. The API signs, lists and completes; it never
// touches the bytes. An expiry workflow per session aborts the parts of a session nobody completed.
import type { UploadSessionExpiryInput } from '../../contracts/data-workflows.js';
import type { UploadSession } from '../../contracts/upload-sessions.js';
import { workflowIds } from '../../contracts/workflows.js';
import * as datasetsRepo from '../../db/repositories/datasets.js';
import * as repo from '../../db/repositories/upload-sessions.js';
import {
  abortMultipart,
  completeMultipart,
  createMultipart,
  isNoSuchUpload,
  listParts,
  planParts,
  type StoredPart,
} from '../../integrations/s3-multipart.js';
import type { AppDeps, Principal } from '../deps.js';
import { conflict, notFound, payloadTooLarge } from '../errors.js';
import { rawFileKey } from '../storage/keys.js';
import { startJob } from '../temporal/start-job.js';
import { receivedOut } from './dataset-shapes.js';
import { discardFiles, startValidation, type ReceivedFile } from './dataset-uploads.js';

async function ownSession(deps: AppDeps, tenantId: string, sessionId: number) {
  const s = await repo.findUploadSession(deps.db, tenantId, sessionId);
  if (!s) throw notFound('Upload session');
  return s;
}

async function ownDatasetWithTemplate(deps: AppDeps, tenantId: string, datasetId: number) {
  const d = await datasetsRepo.findDataset(deps.db, tenantId, datasetId);
  if (!d) throw notFound('Dataset');
  if (!d.template_id || !d.template_version) throw conflict('The dataset has no template');
  return d;
}

/** The session as the client sees it: what S3 holds and, while it is open, URLs for every part still missing. */
async function sessionOut(deps: AppDeps, s: repo.UploadSessionRow, stored?: StoredPart[]): Promise<UploadSession> {
  const plan = planParts(s.size_bytes, s.part_size);
  const bucket = deps.config.s3.bucket;
  const open = s.status === 'open' && s.expires_at.getTime() > Date.now();
  let parts = stored ?? [];
  if (open && !stored) {
    try {
      parts = await listParts(deps.s3, bucket, s.s3_key, s.upload_id);
    } catch (err) {
      if (!isNoSuchUpload(err)) throw err;
    }
  }
  // A part counts as there only with its planned size: a part cut short must be uploaded again.
  const done = new Set(
    parts.filter((p) => p.partNumber <= plan.partCount && p.size === plan.sizeOf(p.partNumber)).map((p) => p.partNumber),
  );
  const missing = [];
  for (let n = 1; open && n <= plan.partCount; n++) if (!done.has(n)) missing.push({ partNumber: n, size: plan.sizeOf(n) });
  return {
    session_id: s.id,
    dataset_id: s.dataset_id,
    file_id: s.file_id,
    file_name: s.file_name,
    size: s.size_bytes,
    part_size: plan.partSize,
    part_count: plan.partCount,
    status: s.status,
    expires_at: s.expires_at.toISOString(),
    uploaded_parts: parts.map((p) => ({ part_number: p.partNumber, size: p.size, etag: p.etag })),
    missing_parts: await deps.partUrls.sign(
      { bucket, key: s.s3_key, uploadId: s.upload_id },
      missing,
      (s.expires_at.getTime() - Date.now()) / 1000,
    ),
    workflow_id: s.workflow_id,
  };
}

/** Opens a session: the S3 multipart upload, its row, its expiry workflow, and a URL for every part. */
export async function createSession(
  deps: AppDeps,
  principal: Principal,
  datasetId: number,
  file: { file_name: string; size: number },
): Promise<UploadSession> {
  const { config, db } = deps;
  const d = await ownDatasetWithTemplate(deps, principal.tenantId, datasetId);
  if (file.size > config.api.uploadMaxBytes) throw payloadTooLarge(`size exceeds the limit of ${config.api.uploadMaxBytes} bytes`);
  const fileName = file.file_name.split(/[\\/]/).pop()!.slice(0, 255) || 'file.csv';
  const fileId = await datasetsRepo.reserveFileId(db);
  const key = rawFileKey(principal.tenantId, d.id, fileId, fileName);
  const plan = planParts(file.size, config.api.uploadSessionPartBytes);
  const uploadId = await createMultipart(deps.s3, config.s3.bucket, key);
  const expiresAt = new Date(Date.now() + config.api.uploadSessionTtlSeconds * 1000);
  const session = await repo.insertUploadSession(db, {
    tenantId: principal.tenantId,
    datasetId: d.id,
    fileId,
    fileName,
    key,
    uploadId,
    size: file.size,
    partSize: plan.partSize,
    expiresAt,
    username: principal.username,
  });
  const input: UploadSessionExpiryInput = {
    sessionId: session.id,
    bucket: config.s3.bucket,
    key,
    uploadId,
    expiresAt: expiresAt.toISOString(),
  };
  try {
    await startJob(deps.temporal, config, {
      workflow: 'uploadSessionExpiryWorkflow',
      workflowId: workflowIds.uploadSessionExpiry(session.id),
      args: [input],
      kind: 'upload_session_expiry',
      tenantId: principal.tenantId,
      resourceId: d.id,
    });
  } catch (err) {
    // Without its expiry workflow nobody would abort the parts of an abandoned session: no session then.
    await repo.moveUploadSession(db, session.id, ['open'], 'aborted');
    await abortMultipart(deps.s3, config.s3.bucket, key, uploadId).catch(() => undefined);
    throw err;
  }
  return sessionOut(deps, session, []);
}

/** The session with the parts S3 holds (to resume after a dropped connection) and URLs for the missing ones. */
export async function getSession(deps: AppDeps, tenantId: string, sessionId: number): Promise<UploadSession> {
  return sessionOut(deps, await ownSession(deps, tenantId, sessionId));
}

const notOpen = (status: string) => conflict(`The upload session is ${status}`, { status });

/**
 * Completes the S3 upload once every part is there with its planned size, records the file and starts the
 * upload-validate workflow (7.1's). A missing part answers 409 with the missing part numbers; the session stays
 * open so the client can upload them and complete again.
 */
export async function completeSession(deps: AppDeps, tenantId: string, sessionId: number) {
  const { db, s3, config } = deps;
  const s = await ownSession(deps, tenantId, sessionId);
  if (s.status !== 'open') throw notOpen(s.status);
  if (s.expires_at.getTime() <= Date.now()) throw notOpen('expired');
  const d = await ownDatasetWithTemplate(deps, tenantId, s.dataset_id);
  if (!(await repo.moveUploadSession(db, s.id, ['open'], 'completing')))
    throw conflict('The upload session is being completed or is closed');
  const bucket = config.s3.bucket;
  try {
    const plan = planParts(s.size_bytes, s.part_size);
    let stored: StoredPart[];
    try {
      stored = await listParts(s3, bucket, s.s3_key, s.upload_id);
    } catch (err) {
      if (isNoSuchUpload(err)) throw notOpen('aborted');
      throw err;
    }
    const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
    const missing: number[] = [];
    for (let n = 1; n <= plan.partCount; n++) if (byNumber.get(n)?.size !== plan.sizeOf(n)) missing.push(n);
    if (missing.length)
      throw conflict(`${missing.length} of ${plan.partCount} parts are missing or incomplete`, { missing_parts: missing });
    await completeMultipart(
      s3,
      bucket,
      s.s3_key,
      s.upload_id,
      Array.from({ length: plan.partCount }, (_, i) => byNumber.get(i + 1)!),
    );
  } catch (err) {
    await repo.moveUploadSession(db, s.id, ['completing'], 'open');
    throw err;
  }
  // From here the object exists: the file row goes in with the session's completion, and any later failure
  // removes both (as 7.1 does), closing the session.
  const [row] = await db.transaction().execute(async (trx) => {
    const rows = await datasetsRepo.insertStoredFiles(trx, [
      { id: s.file_id, datasetId: d.id, tenantId, fileName: s.file_name, key: s.s3_key, size: s.size_bytes, sha256: null },
    ]);
    await repo.moveUploadSession(trx, s.id, ['completing'], 'completed');
    return rows;
  });
  const file: ReceivedFile = {
    id: s.file_id,
    fileName: s.file_name,
    key: s.s3_key,
    size: s.size_bytes,
    sha256: '',
    head: Buffer.alloc(0),
    createdAt: row!.created_at,
  };
  let workflowId: string;
  try {
    workflowId = await startValidation(
      deps,
      { id: d.id, tenantId, icebergTable: d.iceberg_table_name, templateId: d.template_id!, templateVersion: d.template_version! },
      [file],
    );
  } catch (err) {
    await discardFiles(deps, [file], err);
    await repo.moveUploadSession(db, s.id, ['completed'], 'aborted');
    throw err;
  } finally {
    await datasetsRepo.refreshDatasetStatus(db, d.id);
  }
  await repo.moveUploadSession(db, s.id, ['completed'], 'completed', { workflow_id: workflowId });
  // The expiry timer has nothing left to do.
  await deps.temporal.workflow
    .getHandle(workflowIds.uploadSessionExpiry(s.id))
    .cancel()
    .catch((e) => deps.log.warn({ err: e, sessionId: s.id }, 'could not cancel the expiry workflow of a completed upload session'));
  return {
    dataset_id: d.id,
    dataset_name: d.dataset_name,
    data_source: d.data_source,
    files: receivedOut(d.id, [file]),
    workflow_id: workflowId,
  };
}

/** Abandons an open session: its parts are aborted now rather than at expiry. */
export async function abortSession(deps: AppDeps, tenantId: string, sessionId: number): Promise<void> {
  const s = await ownSession(deps, tenantId, sessionId);
  if (!(await repo.moveUploadSession(deps.db, s.id, ['open'], 'aborted'))) throw notOpen(s.status);
  await abortMultipart(deps.s3, deps.config.s3.bucket, s.s3_key, s.upload_id);
  await deps.temporal.workflow
    .getHandle(workflowIds.uploadSessionExpiry(s.id))
    .cancel()
    .catch((e) => deps.log.warn({ err: e, sessionId: s.id }, 'could not cancel the expiry workflow of an aborted upload session'));
}
