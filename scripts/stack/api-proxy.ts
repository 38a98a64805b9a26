// The local stand-in for a load balancer in front of several API processes (cluster profile): round-robin
// over the instances, with Hono's proxy helper doing the forwarding. A request that cannot reach its instance
// (connection refused: the process died or is restarting) is sent to the next one, so only requests already
// in flight on a dying instance are lost; an instance that refused is skipped for a while. In production a
// Kubernetes Service (readiness probe) or any HTTP load balancer does this job (deploy/k8s/).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { proxy } from 'hono/proxy';

/** How long an instance that refused a connection is skipped before it is tried again. */
const SKIP_AFTER_REFUSAL_MS = 1000;

export interface ApiProxy {
  url: string;
  /** Requests forwarded per instance URL (for the stack's summary and the tests). */
  forwarded: Map<string, number>;
  close(): Promise<void>;
}

export async function startApiProxy(host: string, port: number, instances: string[]): Promise<ApiProxy> {
  const skipUntil = new Map<string, number>();
  const forwarded = new Map<string, number>(instances.map((u) => [u, 0]));
  let next = 0;
  const app = new Hono();
  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    // Buffered so that it can be sent again to another instance: this proxy is for the local cluster
    // profile, whose uploads are small; a production load balancer streams.
    const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? undefined : await c.req.arrayBuffer();
    const now = Date.now();
    const start = next++ % instances.length;
    const order = [...instances.slice(start), ...instances.slice(0, start)];
    // Instances skipped for a recent refusal go last, not away: when all refused, each is still tried.
    order.sort((a, b) => Number((skipUntil.get(a) ?? 0) > now) - Number((skipUntil.get(b) ?? 0) > now));
    let lastError: unknown;
    for (const target of order) {
      try {
        const res = await proxy(`${target}${url.pathname}${url.search}`, {
          method: c.req.method,
          headers: { ...c.req.header(), 'x-forwarded-for': '127.0.0.1', 'x-forwarded-host': c.req.header('host') },
          body,
        });
        forwarded.set(target, (forwarded.get(target) ?? 0) + 1);
        // Which instance answered: the cluster drills check that requests spread (local profile only).
        res.headers.set('x-served-by', `api-${instances.indexOf(target) + 1}`);
        return res;
      } catch (err) {
        lastError = err;
        skipUntil.set(target, Date.now() + SKIP_AFTER_REFUSAL_MS);
        // Refused: the request never reached that instance, so any request may go to the next. Reset or
        // cut mid-way: it may have run there, so only a request that is safe to repeat goes on.
        const refused = (err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
        if (!refused && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
          return c.json(
            {
              error: { code: 'bad_gateway', message: `The API instance died while answering (${(err as Error).message})` },
              request_id: c.req.header('x-request-id') ?? null,
            },
            502,
          );
        }
      }
    }
    return c.json(
      {
        error: {
          code: 'service_unavailable',
          message: `No API instance answered (${(lastError as Error)?.message ?? 'none configured'}); retry shortly`,
        },
        request_id: c.req.header('x-request-id') ?? null,
      },
      503,
    );
  });
  const server: Server = createServer(getRequestListener(app.fetch));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
