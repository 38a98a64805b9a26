// The webhook sender against a real local receiver: it connects to the address the guard checked (a host name
// that no DNS knows reaches the receiver through the checked answer; Node does not resolve it again), keeps the
// URL's Host, reports non-2xx answers, gives up on a receiver that never answers, and refuses before connecting.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList } from '../../integrations/webhook-address-guard.js';
import { sendWebhook } from '../../integrations/webhook-sender.js';

describe('webhook sender', () => {
  let server: http.Server;
  let port: number;
  const seen: { host?: string; body: string; path?: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ host: req.headers.host, body, path: req.url });
        if (req.url === '/hang') return; // never answers
        res.writeHead(req.url === '/teapot' ? 418 : 200).end(req.url === '/teapot' ? 'short and stout' : 'ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const policy = { ...parseAllowList('127.0.0.1'), services: [] };
  const resolve = async (host: string) =>
    host === 'receiver.test' ? [{ address: '127.0.0.1', family: 4 }] : Promise.reject(new Error('ENOTFOUND'));
  const send = (path: string, timeoutMs = 5000, host = 'receiver.test') =>
    sendWebhook({
      url: `http://${host}:${port}${path}`,
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
      timeoutMs,
      policy,
      resolve,
    });

  it('connects to the checked address and keeps the Host of the URL', async () => {
    expect(await send('/ok')).toEqual({ status: 200, excerpt: 'ok' });
    expect(seen.at(-1)).toEqual({ host: `receiver.test:${port}`, body: '{"a":1}', path: '/ok' });
  });

  it('reports a non-2xx answer with its start', async () => {
    expect(await send('/teapot')).toEqual({ status: 418, excerpt: 'short and stout' });
  });

  it('gives up on a receiver that does not answer', async () => {
    await expect(send('/hang', 300)).rejects.toThrow(/no answer within 300 ms/);
  });

  it('refuses an address outside the policy before connecting', async () => {
    const before = seen.length;
    await expect(send('/ok', 5000, '127.0.0.2')).rejects.toThrow(/loopback/);
    expect(seen.length).toBe(before);
  });
});
