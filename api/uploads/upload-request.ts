// The HTTP side of a multipart upload (6.1, 7.1): the early checks on its headers and its body as a byte stream,
// handed to the dataset service (api/services/datasets.ts) which stores the files.
import type { Context } from 'hono';
import type { Readable } from 'node:stream';
import type { AuthedEnv } from '../auth/protected-route.js';
import { payloadTooLarge, unprocessable } from '../errors.js';
import { boundaryOf } from './multipart.js';

export interface UploadRequest {
  contentType: string;
  body: AsyncIterable<Uint8Array> | Readable;
}

/**
 * The request body as a byte stream. Under @hono/node-server that is the Node request itself, read directly
 * while nothing else has started reading it: its backpressure counts bytes, where the web stream that
 * `Readable.toWeb` makes of it (Node 20) counts chunks and may queue thousands of them while S3 is slower
 * than the client. Elsewhere (app.request in tests) it is the web body.
 */
function requestBody(c: Context<AuthedEnv>): AsyncIterable<Uint8Array> | Readable | null {
  const incoming = (c.env as { incoming?: Readable } | undefined)?.incoming;
  if (
    incoming &&
    typeof incoming.read === 'function' &&
    incoming.readableFlowing === null &&
    !incoming.readableDidRead &&
    !incoming.destroyed
  ) {
    return incoming;
  }
  return (c.req.raw.body as unknown as AsyncIterable<Uint8Array> | null) ?? null;
}

/**
 * Early checks of a multipart request: boundary present (422) and declared length within the limit (413).
 * The body is not read here; the exact limit is enforced while streaming.
 */
export function uploadRequest(c: Context<AuthedEnv>): UploadRequest {
  const contentType = c.req.header('content-type');
  if (!contentType || !boundaryOf(contentType)) throw unprocessable('multipart/form-data with one or more files under "files" is required');
  const limit = c.get('deps').config.api.uploadMaxBytes;
  const declared = Number(c.req.header('content-length') ?? NaN);
  // The multipart envelope adds a few hundred bytes per file.
  if (Number.isFinite(declared) && declared > limit + 64 * 1024) {
    throw payloadTooLarge(`upload of ${declared} bytes exceeds the limit of ${limit} bytes`);
  }
  const body = requestBody(c);
  if (!body) throw unprocessable('the request has no body');
  return { contentType, body };
}
