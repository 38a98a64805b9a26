import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { pageOf } from '../../paging.js';
import * as datasets from '../../services/datasets.js';
import { uploadRequest } from '../../uploads/upload-request.js';
import { csvDownload } from '../csv-download.js';
import type { addFiles, deleteFile, downloadFile, getFileById, listFiles, viewFile } from './files.routes.js';

export const addFilesHandler: RouteHandler<typeof addFiles, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('query');
  const upload = uploadRequest(c);
  return c.json(await datasets.addFiles(c.get('deps'), c.get('principal').tenantId, dataset_id, upload), 201);
};

export const listFilesHandler: RouteHandler<typeof listFiles, AuthedEnv> = async (c) => {
  const q = c.req.valid('query');
  return c.json(await datasets.listFiles(c.get('deps'), c.get('principal').tenantId, q.dataset_id, pageOf(q)), 200);
};

export const viewFileHandler: RouteHandler<typeof viewFile, AuthedEnv> = async (c) => {
  const { file_id, limit, offset } = c.req.valid('query');
  const lines = await datasets.previewFile(c.get('deps'), c.get('principal').tenantId, file_id, { limit, offset });
  return c.json({ file_id, content_preview: lines }, 200);
};

export const deleteFileHandler: RouteHandler<typeof deleteFile, AuthedEnv> = async (c) => {
  const { file_id } = c.req.valid('param');
  await datasets.deleteFile(c.get('deps'), c.get('principal').tenantId, file_id);
  return c.json({ status_code: 200, message: 'File deleted successfully' }, 200);
};

export const downloadFileHandler: RouteHandler<typeof downloadFile, AuthedEnv> = async (c) => {
  const { file_path } = c.req.valid('query');
  const file = await datasets.openFile(c.get('deps'), c.get('principal').tenantId, file_path);
  const name = file.fileName.replace(/["\\\r\n]/g, '_');
  return csvDownload(file, `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`) as never;
};

export const getFileByIdHandler: RouteHandler<typeof getFileById, AuthedEnv> = async (c) => {
  const { file_id } = c.req.valid('query');
  return c.json(await datasets.fileDetails(c.get('deps'), c.get('principal').tenantId, file_id), 200);
};
