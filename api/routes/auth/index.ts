import { createRouter } from '../../openapi-hono.js';
import { meHandler, validateTokenHandler } from './auth.handlers.js';
import { me, validateToken } from './auth.routes.js';

export const authRouter = createRouter().openapi(validateToken, validateTokenHandler).openapi(me, meHandler);
