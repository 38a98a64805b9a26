import { createRouter } from '../../openapi-hono.js';
import {
  abortUploadSessionHandler,
  completeUploadSessionHandler,
  createUploadSessionHandler,
  getUploadSessionHandler,
} from './upload-sessions.handlers.js';
import { abortUploadSession, completeUploadSession, createUploadSession, getUploadSession } from './upload-sessions.routes.js';

export const uploadSessionsRouter = createRouter()
  .openapi(createUploadSession, createUploadSessionHandler)
  .openapi(getUploadSession, getUploadSessionHandler)
  .openapi(completeUploadSession, completeUploadSessionHandler)
  .openapi(abortUploadSession, abortUploadSessionHandler);
