// The Node HTTP server around the Hono app (server.ts and the benchmarks use it).
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { App } from './app.js';
import { withRequestIds } from './request-id.js';

export function listen(app: App, host: string, port: number): Promise<Server> {
  const server = createServer(withRequestIds(getRequestListener(app.fetch)));
  // Keep-alive slightly above common load balancers' idle timeouts.
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
