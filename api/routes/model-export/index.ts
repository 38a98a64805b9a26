import { createRouter } from '../../openapi-hono.js';
import { exportModelHandler } from './model-export.handlers.js';
import { exportModel } from './model-export.routes.js';

export const modelExportRouter = createRouter();
modelExportRouter.openapi(exportModel, exportModelHandler);
