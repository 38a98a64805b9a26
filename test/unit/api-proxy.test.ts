// The cluster profile's proxy in front of API processes (scripts/stack/api-proxy.ts), against plain local
// HTTP servers standing for the instances: round-robin, a refused instance skipped with nothing lost, a
// request cut mid-way sent again only when it is safe to repeat.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startApiProxy, type ApiProxy } from '../../scripts/stack/api-proxy.js';

const servers: Server[] = [];
let lb: ApiProxy | undefined;

async function instance(name: string, opts: { dieOnPost?: boolean } = {}): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hits.push(`${req.method} ${req.url} ${body}`);
      if (opts.dieOnPost && req.method === 'POST') return req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

/** A URL where nothing listens (a dead instance): a port just freed. */
async function deadUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

afterEach(async () => {
  await lb?.close();
  lb = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

describe('API proxy of the cluster profile', () => {
  it('spreads requests over the instances, and says which answered', async () => {
    const a = await instance('a');
    const b = await instance('b');
    lb = await startApiProxy('127.0.0.1', 0, [a.url, b.url]);
    const served = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${lb.url}/x?i=${i}`);
      served.push(res.headers.get('x-served-by'));
      expect((await res.json()).name).toBe(served[i] === 'api-1' ? 'a' : 'b');
    }
    expect(served.sort()).toEqual(['api-1', 'api-1', 'api-2', 'api-2']);
  });

  it('sends a request refused by a dead instance to a live one, POST body included', async () => {
    const live = await instance('live');
    lb = await startApiProxy('127.0.0.1', 0, [await deadUrl(), live.url]);
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${lb.url}/t`, { method: 'POST', body: `n=${i}` });
      expect(res.status).toBe(200);
    }
    expect(live.hits).toEqual([0, 1, 2, 3].map((i) => `POST /t n=${i}`));
  });

  it('answers 502 for a POST cut mid-way (it may have run), without repeating it elsewhere', async () => {
    const dying = await instance('dying', { dieOnPost: true });
    const other = await instance('other');
    lb = await startApiProxy('127.0.0.1', 0, [dying.url, other.url]);
    const post = await fetch(`${lb.url}/t`, { method: 'POST', body: 'once' });
    expect(post.status).toBe(502);
    expect((await post.json()).error.code).toBe('bad_gateway');
    expect(other.hits).toEqual([]); // not repeated elsewhere
  });

  it('answers 503 with a JSON error when no instance answers', async () => {
    lb = await startApiProxy('127.0.0.1', 0, [await deadUrl()]);
    const res = await fetch(`${lb.url}/x`);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('service_unavailable');
  });
});
