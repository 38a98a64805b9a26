import { createRouter } from '../../openapi-hono.js';
import {
  addFilesHandler,
  deleteFileHandler,
  downloadFileHandler,
  getFileByIdHandler,
  listFilesHandler,
  viewFileHandler,
} from './files.handlers.js';
import { addFiles, deleteFile, downloadFile, getFileById, listFiles, viewFile } from './files.routes.js';

export const filesRouter = createRouter()
  .openapi(addFiles, addFilesHandler)
  .openapi(listFiles, listFilesHandler)
  .openapi(viewFile, viewFileHandler)
  .openapi(deleteFile, deleteFileHandler)
  .openapi(downloadFile, downloadFileHandler)
  .openapi(getFileById, getFileByIdHandler);
