// The worker's probe server, for Kubernetes (deploy/k8s/) and the stack's start-up wait: the worker serves
// no API, so without it a probe could only check that the process exists.
//   GET /healthz  200 while the process runs (liveness: a wedged event loop does not answer)
//   GET /readyz   200 while its Temporal worker polls, 503 while it waits for Temporal (readiness)
import { createServer, type Server } from 'node:http';

export function startHealthServer(host: string, port: number, polling: () => boolean): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    const path = (req.url ?? '/').split('?')[0];
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, { error: { code: 'method_not_allowed', message: 'GET only' } });
    if (path === '/healthz') return answer(200, { status: 'ok' });
    if (path === '/readyz') return polling() ? answer(200, { status: 'ready' }) : answer(503, { status: 'waiting for Temporal' });
    return answer(404, { error: { code: 'not_found', message: `No route for ${req.method} ${path}` } });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
