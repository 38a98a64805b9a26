// Reads a JSON (or URL-encoded form) request body straight from Node's IncomingMessage into Hono's body
// cache, for every route, so that validators (`c.req.json()`) do not build a web Request + ReadableStream for
// it: on @hono/node-server that conversion costs several times the rest of a small request (measured on 9.1:
// ~5k vs ~24k req/s in a bare Hono app; 0.28x vs 0.40x of the health check through the whole API). Bodies
// over 1 MiB answer 413. It is also the one place where body text is checked: invalid UTF-8 and control
// characters answer 400 (text-input.ts) before any route sees them. Without a Node request (tests calling
// app.request) the web body is read instead.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.js';
import { payloadTooLarge } from '../errors.js';
import { checkPercentEncoded, decodeUtf8, refuseControlCharacters, refuseJsonControlCharacters } from './text-input.js';

const MAX_BYTES = 1 << 20;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded/i;

/**
 * Reads the body into Hono's cache when it is a JSON or form body; undefined (nothing to wait for)
 * otherwise, so that the common case costs no promise.
 */
export function readJsonBody(c: Context<AppEnv>): Promise<void> | undefined {
  if (!BODY_METHODS.has(c.req.method)) return undefined;
  const type = c.req.header('content-type') ?? '';
  const json = JSON_TYPE.test(type);
  if (!json && !FORM_TYPE.test(type)) return undefined;
  // Only a real Node request (tests may pass a stand-in `incoming` carrying just a socket address).
  const env = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const incoming = typeof env?.read === 'function' ? env : undefined;
  if (incoming ? incoming.readableEnded : !c.req.raw.body) return undefined;
  return (async () => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of (incoming ?? c.req.raw.body) as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_BYTES) throw payloadTooLarge(`The request body exceeds ${MAX_BYTES} bytes`);
      chunks.push(chunk as Buffer);
    }
    const text = decodeUtf8(Buffer.concat(chunks), 'the request body');
    if (json) refuseJsonControlCharacters(text);
    else {
      refuseControlCharacters(text, 'the form body', true);
      checkPercentEncoded(text.replace(/\+/g, ' '), 'the form body');
    }
    // Hono's c.req.json() reads the cached *text* and parses it (a cached `json` entry would be re-serialised
    // and pushed through a web Response, the very cost this avoids). Malformed JSON is the validator's 400.
    (c.req as unknown as { bodyCache: Record<string, Promise<unknown>> }).bodyCache.text = Promise.resolve(text);
  })();
}
