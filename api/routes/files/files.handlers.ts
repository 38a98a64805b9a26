import { GetObjectCommand, DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { RouteHandler } from '@hono/zod-openapi';
import { Readable } from 'node:stream';
import * as repo from '../../../db/repositories/datasets.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import { csvRecords } from '../../uploads/csv-stream.js';
import { tenantPrefix } from '../../uploads/storage.js';
import { checkUploadRequest, discardFiles, fileOut, receivedOut, receiveFiles, s3Uri, startValidation } from '../datasets/dataset-service.js';
import { cancelValidations, openRaw, startLakeCleanup } from '../datasets/datasets.handlers.js';
import type { addFiles, deleteFile, downloadFile, getFileById, listFiles, viewFile } from './files.routes.js';

export const addFilesHandler: RouteHandler<typeof addFiles, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('query');
  const { tenantId } = c.var.principal;
  const deps = c.var.deps;
  const contentType = checkUploadRequest(c);
  const d = await repo.findDataset(deps.db, tenantId, dataset_id);
  if (!d) throw notFound('Dataset');
  if (!d.template_id || !d.template_version) throw conflict('The dataset has no template');
  const files = await receiveFiles(c, contentType, { tenantId, datasetId: d.id });
  let workflowId: string;
  try {
    workflowId = await startValidation(
      deps,
      { id: d.id, tenantId, icebergTable: d.iceberg_table_name, templateId: d.template_id, templateVersion: d.template_version },
      files,
    );
  } catch (err) {
    // No file of this request may stay in the dataset without a validation to go with it.
    await discardFiles(deps, files, err);
    throw err;
  } finally {
    await repo.refreshDatasetStatus(deps.db, d.id);
  }
  return c.json(
    { dataset_id: d.id, dataset_name: d.dataset_name, data_source: d.data_source, files: receivedOut(d.id, files), workflow_id: workflowId },
    201,
  );
};

export const listFilesHandler: RouteHandler<typeof listFiles, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('query');
  const { tenantId } = c.var.principal;
  const { db } = c.var.deps;
  if (!(await repo.findDataset(db, tenantId, dataset_id))) throw notFound('Dataset');
  const files = await repo.listFiles(db, tenantId, dataset_id);
  return c.json({ total: files.length, data: files.map(fileOut) }, 200);
};

export const viewFileHandler: RouteHandler<typeof viewFile, AuthedEnv> = async (c) => {
  const { file_id, limit, offset } = c.req.valid('query');
  const deps = c.var.deps;
  const f = await repo.findFile(deps.db, c.var.principal.tenantId, file_id);
  if (!f) throw notFound('File');
  const lines: string[] = [];
  const body = await openRaw(deps, f.s3_key);
  try {
    let index = -1; // -1 = the header
    for await (const rec of csvRecords(body)) {
      if (index === -1) lines.push(rec.raw);
      else if (index >= offset) lines.push(rec.raw);
      index++;
      if (lines.length >= limit + 1) break;
    }
  } catch {
    // A binary or non-UTF-8 file: show what could be decoded.
  } finally {
    body.destroy();
  }
  return c.json({ file_id, content_preview: lines }, 200);
};

export const deleteFileHandler: RouteHandler<typeof deleteFile, AuthedEnv> = async (c) => {
  const { file_id } = c.req.valid('param');
  const { tenantId } = c.var.principal;
  const deps = c.var.deps;
  const f = await repo.findFile(deps.db, tenantId, file_id);
  if (!f) throw notFound('File');
  if (await repo.isDatasetUsedByPredictor(deps.db, tenantId, f.dataset_id)) {
    throw conflict('A predictor was trained on this dataset; its files cannot be deleted');
  }
  const d = await repo.findDataset(deps.db, tenantId, f.dataset_id);
  await cancelValidations(deps, [f]);
  await deps.s3.send(new DeleteObjectCommand({ Bucket: deps.config.s3.bucket, Key: f.s3_key }));
  if (d && f.snapshot_id) {
    await startLakeCleanup(
      deps,
      { tenantId, table: `${repo.SILVER}.${d.iceberg_table_name}`, fileIds: [f.id], nonce: Date.now().toString(36) },
      f.dataset_id,
    );
  }
  await repo.deleteFileRows(deps.db, [f.id]);
  await repo.refreshDatasetStatus(deps.db, f.dataset_id);
  return c.json({ status_code: 200, message: 'File deleted successfully' }, 200);
};

/** Resolves `file_path` to an object key of the caller's tenant, or fails with 400/404. */
export function resolveFilePath(filePath: string, bucket: string, tenantId: string): string {
  let key = filePath.trim();
  const uriPrefix = `s3://${bucket}/`;
  if (key.startsWith('s3://')) {
    if (!key.startsWith(uriPrefix)) throw notFound('File');
    key = key.slice(uriPrefix.length);
  }
  key = key.replace(/^\/+/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    throw badRequest('file_path is not a valid path');
  }
  if (decoded.split('/').some((seg) => seg === '..' || seg === '.') || decoded.includes('\\') || decoded.includes('//') || decoded.includes('\0')) {
    throw badRequest('file_path may not contain "..", ".", "\\" or empty segments');
  }
  if (!key.startsWith(tenantPrefix(tenantId))) throw notFound('File');
  return key;
}

export const downloadFileHandler: RouteHandler<typeof downloadFile, AuthedEnv> = async (c) => {
  const { file_path } = c.req.valid('query');
  const { tenantId } = c.var.principal;
  const deps = c.var.deps;
  const key = resolveFilePath(file_path, deps.config.s3.bucket, tenantId);
  const f = await repo.findFileByKey(deps.db, tenantId, key);
  if (!f) throw notFound('File');
  const obj = await deps.s3.send(new GetObjectCommand({ Bucket: deps.config.s3.bucket, Key: key }));
  const body = Readable.toWeb(obj.Body as Readable) as unknown as ReadableStream;
  const name = f.file_name.replace(/["\\\r\n]/g, '_');
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(f.file_name)}`,
      ...(obj.ContentLength !== undefined ? { 'content-length': String(obj.ContentLength) } : {}),
    },
  }) as never;
};

export const getFileByIdHandler: RouteHandler<typeof getFileById, AuthedEnv> = async (c) => {
  const { file_id } = c.req.valid('query');
  const deps = c.var.deps;
  const f = await repo.findFile(deps.db, c.var.principal.tenantId, file_id);
  if (!f) throw notFound('File');
  return c.json({ ...fileOut(f), csv_file_path: s3Uri(deps.config.s3.bucket, f.s3_key), hdf_file_path: null }, 200);
};
