// Sends one webhook request: resolves and checks the address (webhook-address-guard.ts), then connects to exactly
// that address (the socket's lookup returns it, so Node never resolves the name again), with TLS still verified
// against the URL's host name. No redirects are followed: a 3xx is an unsuccessful answer like any non-2xx.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type AddressPolicy, type Resolve, resolveDeliveryAddress } from './webhook-address-guard.js';

/** How much of a receiver's answer is read (then dropped): enough for an error message, never a memory risk. */
const MAX_ANSWER_BYTES = 2048;

export interface WebhookAnswer {
  status: number;
  /** The start of the answer's body, for the delivery log. */
  excerpt: string;
}

export async function sendWebhook(opts: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  policy: AddressPolicy;
  resolve?: Resolve;
}): Promise<WebhookAnswer> {
  const url = new URL(opts.url);
  const { address, family } = await resolveDeliveryAddress(opts.policy, url, opts.resolve);
  // Node calls lookup with `all: true` when it may try several addresses (autoSelectFamily): give it the one.
  const pinned = ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (options?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as unknown as LookupFunction;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<WebhookAnswer>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...opts.headers, 'content-length': String(Buffer.byteLength(opts.body)) },
        lookup: pinned,
        signal: AbortSignal.timeout(opts.timeoutMs),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(c);
          size += c.length;
          if (size > MAX_ANSWER_BYTES) res.destroy();
        });
        const done = () =>
          resolve({ status: res.statusCode ?? 0, excerpt: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8') });
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    req.on('error', (err) => reject(err.name === 'AbortError' ? new Error(`no answer within ${opts.timeoutMs} ms`) : err));
    req.end(opts.body);
  });
}
