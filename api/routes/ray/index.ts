import { createRouter } from '../../openapi-hono.js';
import { terminateRayJobHandler } from './ray.handlers.js';
import { terminateRayJob } from './ray.routes.js';

export const rayRouter = createRouter().openapi(terminateRayJob, terminateRayJobHandler);
