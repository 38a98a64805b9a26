// Serving a registry in the Prometheus text format: on the API's own app (GET /metrics, outside the OpenAPI
// document and the bearer-token auth) or on a port of its own (the API with METRICS_PORT, and the worker).
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
/** What a scrape reads: a registry, or anything answering like one (the API cluster's sum of its processes). */
export interface MetricsSource {
  readonly contentType: string;
  metrics(): Promise<string>;
}

/** True when no token is configured, or `authorization` carries it (compared in constant time). */
export function metricsAuthorized(token: string | undefined, authorization: string | undefined | null): boolean {
  if (!token) return true;
  const given = Buffer.from(authorization ?? '');
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The scrape answer: 200 with the text, or 401 when the token is wrong. */
export async function scrape(registry: MetricsSource, token: string | undefined, authorization: string | undefined | null) {
  if (!metricsAuthorized(token, authorization)) {
    return { status: 401, contentType: 'text/plain; charset=utf-8', body: 'metrics token required\n' };
  }
  return { status: 200, contentType: registry.contentType, body: await registry.metrics() };
}

/** A small HTTP server answering GET /metrics only; resolves once listening (port 0 picks a free one). */
export function serveMetrics(registry: MetricsSource, opts: { host: string; port: number; token?: string }): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found; try GET /metrics\n');
      return;
    }
    scrape(registry, opts.token, req.headers.authorization).then(
      (r) => res.writeHead(r.status, { 'content-type': r.contentType }).end(r.body),
      (err: Error) => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`${err.message}\n`),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
