import { createRouter } from '../../openapi-hono.js';
import { checkDependencies } from './readiness-checks.js';
import { healthCheck, readiness } from './utils.routes.js';

export const utilsRouter = createRouter()
  .openapi(healthCheck, (c) => c.json({ status: 'ok' as const, message: 'Service is healthy.' }, 200))
  .openapi(readiness, async (c) => {
    const report = await checkDependencies(c.get('deps'));
    return c.json(report, report.status === 'ready' ? 200 : 503);
  });
