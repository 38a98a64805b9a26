import { createRouter } from '../../openapi-hono.js';
import { validateTokenHandler } from './auth.handlers.js';
import { validateToken } from './auth.routes.js';

export const authRouter = createRouter().openapi(validateToken, validateTokenHandler);
