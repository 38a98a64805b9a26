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
  // Only a real Node request (tests may pass a stand-in `incoming` carrying just a socket address).
  const env = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const incoming = typeof env?.read === 'function' ? env : undefined;
  // Node's own header object: c.req.header() would build a web Headers copy of them all first.
  const type = (incoming ? incoming.headers['content-type'] : c.req.header('content-type')) ?? '';
  const json = JSON_TYPE.test(type);
  if (!json && !FORM_TYPE.test(type)) return undefined;
  if (incoming ? incoming.readableEnded : !c.req.raw.body) return undefined;
  return (async () => {
    const bytes = incoming ? await readNode(incoming) : await readWeb(c.req.raw.body as AsyncIterable<Uint8Array>);
    const text = decodeUtf8(bytes, 'the request body');
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

const tooLarge = () => payloadTooLarge(`The request body exceeds ${MAX_BYTES} bytes`);

/** A body being read: its chunks and where its promise goes, kept on the request itself. */
interface BodyRead {
  chunks: Buffer[];
  size: number;
  resolve: (body: Buffer) => void;
  reject: (err: unknown) => void;
}
const READ = Symbol('dataml.bodyRead');
type Reading = IncomingMessage & { [READ]?: BodyRead };

/**
 * A Node request's body through its events: an async iterator over the stream (for await) cost a few per cent
 * of a real-time prediction's CPU. The listeners are module functions (`this` is the request), so a request
 * allocates no closures. An oversized body is refused as soon as it passes the limit.
 */
function readNode(req: Reading): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    req[READ] = { chunks: [], size: 0, resolve, reject };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** Stops listening; the read's state, if it was still going. */
function finish(req: Reading): BodyRead | undefined {
  const read = req[READ];
  req[READ] = undefined;
  req.off('data', onData);
  req.off('end', onEnd);
  req.off('error', onError);
  req.off('close', onClose);
  return read;
}

function onData(this: Reading, chunk: Buffer): void {
  const read = this[READ]!;
  read.size += chunk.length;
  if (read.size <= MAX_BYTES) return void read.chunks.push(chunk);
  finish(this);
  this.resume(); // the rest is discarded, as Node does with any body a handler leaves unread
  read.reject(tooLarge());
}

function onEnd(this: Reading): void {
  const read = finish(this)!;
  read.resolve(read.chunks.length === 1 ? read.chunks[0]! : Buffer.concat(read.chunks, read.size));
}

function onError(this: Reading, err: Error): void {
  finish(this)?.reject(err);
}

/** A client gone before the end: no 'end' will come. */
function onClose(this: Reading): void {
  finish(this)?.reject(new Error('the request body was not complete'));
}

/** A web request's body (tests calling app.request). */
async function readWeb(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_BYTES) throw tooLarge();
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(chunks, size);
}
