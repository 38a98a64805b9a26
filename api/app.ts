// createApp(deps): the whole HTTP surface. Tests build it against their own stack.
import { OpenAPIHono } from '@hono/zod-openapi';
import { httpInstrumentationMiddleware } from '@hono/otel';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { tracingEnabled } from '../config/config.js';
import { dependencyUnavailable, unavailableDependency } from './dependency-errors.js';
import type { AppDeps, AppEnv } from './deps.js';
import { mountDocs } from './docs-page.js';
import type { ErrorCode } from '../contracts/error-codes.js';
import { HttpError } from './errors.js';
import { readJsonBody } from './middleware/fast-json-body.js';
import { checkUrlText } from './middleware/text-input.js';
import { scrape } from './metrics/metrics-endpoint.js';
import { methodsByPath, notFoundOrNotAllowed } from './method-not-allowed.js';
import { documentCommonErrors, validationHook } from './openapi-hono.js';
import { withConsole } from './console-static.js';
import { assignRequestId } from './request-id.js';
import { moduleRouters } from './routes/index.js';

export const OPENAPI_INFO = {
  title: 'Data ML Platform API',
  version: '1.0.0',
  description:
    'Templates, datasets validated into an Iceberg datalake, training on Ray, real-time, batch and forecast predictions. ' +
    'Long jobs are Temporal workflows. See README.md for deviations from the seed contract.',
};

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // With tracing on, a server span per request named by its route template; the middleware below (and so its
  // access-log line) runs inside it. Off, not installed at all.
  if (tracingEnabled(deps.config)) app.use('*', httpInstrumentationMiddleware({ captureActiveRequests: false }));

  // One app-wide middleware (each layer is an async frame on every request): the request id, the URL's text
  // checked, deps, a logger carrying the id, the JSON body read straight from Node, and one access-log line
  // per request.
  const accessLog = deps.log.isLevelEnabled('info');
  const metrics = deps.metrics;
  app.use('*', async (c, next) => {
    assignRequestId(c);
    c.set('deps', deps);
    c.set('log', lazyChild(deps.log, c.get('requestId')));
    checkUrlText(c.req.url);
    const started = accessLog || metrics ? performance.now() : 0;
    const body = readJsonBody(c);
    if (body) await body;
    await next();
    if (metrics) metrics.observeRequest(c, (performance.now() - started) / 1000);
    if (accessLog) {
      deps.log.info(
        {
          reqId: c.get('requestId'),
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  });

  // Prometheus scrapes without a bearer token (METRICS_TOKEN guards it if set); METRICS_PORT moves it off the API's port.
  if (metrics && !deps.config.metrics.port) {
    app.get('/metrics', async (c) => {
      const r = await scrape(metrics.source, deps.config.metrics.token, c.req.header('authorization'));
      return c.body(r.body, r.status as 200, { 'content-type': r.contentType });
    });
  }
  for (const router of moduleRouters) app.route('/', router);
  documentCommonErrors(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/openapi.json', { openapi: '3.1.0', info: OPENAPI_INFO });
  mountDocs(app);

  app.notFound(withConsole(notFoundOrNotAllowed(methodsByPath(app.routes))));

  app.onError((original, c) => {
    const request_id = c.get('requestId');
    // A dependency that is down (Postgres, Temporal, S3, catalog, Ray) is a 503 the client may retry, not a 500.
    const down = unavailableDependency(original);
    if (down) (c.get('log') ?? deps.log).warn({ err: (original as Error).message, dependency: down }, 'dependency unavailable');
    const err = down ? dependencyUnavailable(down) : original;
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
      return c.json(
        { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) }, request_id },
        err.status,
      );
    }
    if (err instanceof HTTPException) {
      // Hono's own: malformed JSON, body limits, ...
      const status = err.status;
      const code: ErrorCode = status === 413 ? 'payload_too_large' : status === 400 ? 'bad_request' : 'http_error';
      return c.json({ error: { code, message: err.message || 'Bad request' }, request_id }, status);
    }
    (c.get('log') ?? deps.log).error({ err }, 'unhandled error');
    return c.json({ error: { code: 'internal_error', message: 'Internal server error' }, request_id }, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;

/** A child logger carrying the request id, created only if the request logs something. */
function lazyChild(base: Logger, reqId: string): Logger {
  let child: Logger | undefined;
  return new Proxy(base, {
    get(_target, prop) {
      child ??= base.child({ reqId });
      const value = Reflect.get(child, prop, child);
      return typeof value === 'function' ? value.bind(child) : value;
    },
  });
}
