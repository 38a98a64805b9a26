import { createRouter } from '../../openapi-hono.js';
import * as h from './aliases.handlers.js';
import * as r from './aliases.routes.js';

export const aliasesRouter = createRouter();
aliasesRouter
  .openapi(r.listAliases, h.listAliasesHandler)
  .openapi(r.setAlias, h.setAliasHandler)
  .openapi(r.deleteAlias, h.deleteAliasHandler)
  .openapi(r.aliasHistory, h.aliasHistoryHandler);
