import type { RouteHandler } from '@hono/zod-openapi';
import { Readable } from 'node:stream';
import type { AuthedEnv } from '../../auth/protected-route.js';
import { openModelExport } from '../../services/model-export.js';
import type { exportModel } from './model-export.routes.js';

export const exportModelHandler: RouteHandler<typeof exportModel, AuthedEnv> = async (c) => {
  const { fileName, body } = await openModelExport(c.get('deps'), c.get('principal').tenantId, c.req.valid('param').train_id);
  return new Response(Readable.toWeb(body) as unknown as ReadableStream, {
    status: 200,
    headers: { 'content-type': 'application/gzip', 'content-disposition': `attachment; filename="${fileName}"` },
  }) as never;
};
