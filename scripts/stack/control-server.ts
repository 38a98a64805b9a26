// The test control interface (test and exec modes only): fault drills (test/drills/) use it to kill a
// component or hold it down, through the same supervision that restarts components in every mode.
// Listens on 127.0.0.1 on a free port; the stack exports its URL to the tests as STACK_CONTROL_URL.
//
//   GET  /components                      [{ name, pid, state, restarts }]
//   POST /components/:name/kill           SIGKILL its process group (a crash); supervision restarts it
//   POST /components/:name/stop?seconds=N stop it (its stop signal), keep it down N s (1-600), start it again;
//                                          answers once it is down
//
// Names: postgres, temporal, s3, ray (only the ones this stack started), and with STACK_CONTROL=1 in start
// mode api, worker, or per instance in the cluster profile api-1, worker-2, ray-node-1 …. Errors are JSON with a 4xx.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Supervised } from './supervisor.js';

export async function startControlServer(components: () => Supervised[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(req, res, components()).catch((err) => send(res, 500, { error: { code: 'internal_error', message: (err as Error).message } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, components: Supervised[]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://control');
  req.resume(); // no request has a body worth reading
  if (url.pathname === '/components' || url.pathname === '/components/') {
    if (req.method !== 'GET') return send(res, 405, { error: { code: 'method_not_allowed', message: 'GET only' } }, { Allow: 'GET' });
    return send(
      res,
      200,
      components.map((c) => c.status()),
    );
  }
  const m = /^\/components\/([a-z0-9-]+)\/(kill|stop)$/.exec(url.pathname);
  if (!m) return send(res, 404, { error: { code: 'not_found', message: `No route for ${req.method} ${url.pathname}` } });
  if (req.method !== 'POST') return send(res, 405, { error: { code: 'method_not_allowed', message: 'POST only' } }, { Allow: 'POST' });
  const component = components.find((c) => c.name === m[1]);
  if (!component) {
    return send(res, 404, {
      error: { code: 'not_found', message: `No component ${m[1]}; this stack runs: ${components.map((c) => c.name).join(', ')}` },
    });
  }
  if (m[2] === 'kill') {
    if (component.state !== 'running')
      return send(res, 409, { error: { code: 'conflict', message: `${component.name} is ${component.state}` } });
    const pid = component.kill();
    return send(res, 202, { ...component.status(), killed_pid: pid });
  }
  const seconds = Number(url.searchParams.get('seconds') ?? '10');
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) {
    return send(res, 400, { error: { code: 'bad_request', message: 'seconds must be an integer from 1 to 600' } });
  }
  try {
    await component.hold(seconds);
  } catch (err) {
    return send(res, 409, { error: { code: 'conflict', message: (err as Error).message } });
  }
  return send(res, 200, component.status());
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
