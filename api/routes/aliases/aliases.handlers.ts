import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../auth/protected-route.js';
import * as aliases from '../../services/model-aliases.js';
import type { aliasHistory, deleteAlias, listAliases, setAlias } from './aliases.routes.js';

export const listAliasesHandler: RouteHandler<typeof listAliases, AuthedEnv> = async (c) =>
  c.json(await aliases.listAliases(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').predictor_name), 200);

export const setAliasHandler: RouteHandler<typeof setAlias, AuthedEnv> = async (c) => {
  const { predictor_name, alias } = c.req.valid('param');
  return c.json(await aliases.setAlias(c.get('deps'), c.get('principal'), predictor_name, alias, c.req.valid('json')), 200);
};

export const deleteAliasHandler: RouteHandler<typeof deleteAlias, AuthedEnv> = async (c) => {
  const { predictor_name, alias } = c.req.valid('param');
  return c.json(await aliases.deleteAlias(c.get('deps'), c.get('principal'), predictor_name, alias), 200);
};

export const aliasHistoryHandler: RouteHandler<typeof aliasHistory, AuthedEnv> = async (c) =>
  c.json(await aliases.aliasHistory(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').predictor_name), 200);
