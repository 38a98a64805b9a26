// A small streaming multipart/form-data parser: each part's body is handed to the handler as a Readable while
// the request is still arriving, with backpressure, so a file of several gigabytes never sits in memory.
import { PassThrough, type Readable } from 'node:stream';

export interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  body: Readable;
}

export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function parseHeaders(block: string): { name: string; filename: string | null; contentType: string | null } {
  let name = '';
  let filename: string | null = null;
  let contentType: string | null = null;
  for (const line of block.split('\r\n')) {
    const idx = line.indexOf(':');
    if (idx < 0) continue;
    const key = line.slice(0, idx).trim().toLowerCase();
    const value = line.slice(idx + 1).trim();
    if (key === 'content-disposition') {
      const n = /\bname="((?:[^"\\]|\\.)*)"/i.exec(value) ?? /\bname=([^;]+)/i.exec(value);
      if (n) name = n[1]!.trim();
      const star = /\bfilename\*=(?:UTF-8'')?([^;]+)/i.exec(value);
      const plain = /\bfilename="((?:[^"\\]|\\.)*)"/i.exec(value) ?? /\bfilename=([^;]+)/i.exec(value);
      if (star) filename = decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''));
      else if (plain) filename = plain[1]!.replace(/\\(.)/g, '$1').trim();
    } else if (key === 'content-type') {
      contentType = value;
    }
  }
  return { name, filename, contentType };
}

/**
 * Reads `source` and calls `onPart` for each part, in order; the next part is read only after the handler's
 * promise settles. The handler must consume (or drain) `part.body`.
 */
export async function parseMultipart(
  source: AsyncIterable<Uint8Array>,
  boundary: string,
  onPart: (part: MultipartPart) => Promise<void>,
): Promise<void> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first boundary has no CRLF before it: prepend one so that every boundary looks alike.
  let buf: Buffer = Buffer.from(CRLF);
  let state: 'preamble' | 'after-boundary' | 'headers' | 'body' | 'done' = 'preamble';
  let current: { stream: PassThrough; handled: Promise<void> } | null = null;

  const write = async (chunk: Buffer) => {
    if (!current || chunk.length === 0) return;
    if (!current.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const s = current!.stream;
        const done = () => (s.off('drain', done), s.off('close', done), s.off('error', fail), resolve());
        const fail = (e: Error) => (s.off('drain', done), s.off('close', done), reject(e));
        s.once('drain', done);
        s.once('close', done);
        s.once('error', fail);
      });
    }
  };
  const endPart = async () => {
    if (!current) return;
    const { stream, handled } = current;
    current = null;
    stream.end();
    await handled;
  };

  try {
    for await (const chunk of source) {
      const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength); // no copy
      if (state === 'body' && buf.length < delimiter.length && view.length >= delimiter.length) {
        // In a body, `buf` is only the short tail kept from the last chunk. Rather than copying the whole new
        // chunk behind it, look for a delimiter across the seam alone: without one there, the tail is body.
        const seam = Buffer.concat([buf, view.subarray(0, delimiter.length - 1)]);
        if (seam.indexOf(delimiter) < 0) {
          await write(buf);
          buf = view;
        } else {
          buf = Buffer.concat([buf, view]);
        }
      } else {
        buf = buf.length ? Buffer.concat([buf, view]) : view;
      }
      for (;;) {
        if (state === 'preamble') {
          const i = buf.indexOf(delimiter);
          if (i < 0) {
            buf = buf.subarray(Math.max(0, buf.length - delimiter.length));
            break;
          }
          buf = buf.subarray(i + delimiter.length);
          state = 'after-boundary';
        }
        if (state === 'after-boundary') {
          if (buf.length < 2) break;
          if (buf[0] === 0x2d && buf[1] === 0x2d) {
            state = 'done';
            break;
          }
          const eol = buf.indexOf(CRLF);
          if (eol < 0) {
            if (buf.length > 1024) throw new MultipartError('malformed multipart body (boundary line)');
            break;
          }
          buf = buf.subarray(eol + 2);
          state = 'headers';
        }
        if (state === 'headers') {
          const end = buf.indexOf(HEADER_END);
          let block: string;
          if (end < 0) {
            // A part with no header lines at all starts with the empty line directly.
            if (buf.subarray(0, 2).equals(CRLF)) {
              block = '';
              buf = buf.subarray(2);
            } else {
              if (buf.length > MAX_HEADER_BYTES) throw new MultipartError('multipart part headers too large');
              break;
            }
          } else {
            block = buf.subarray(0, end).toString('utf8');
            buf = buf.subarray(end + 4);
          }
          const headers = parseHeaders(block);
          const stream = new PassThrough({ highWaterMark: 1024 * 1024 });
          const handled = onPart({ ...headers, body: stream });
          // If the handler fails early, stop feeding its stream (the error surfaces at endPart).
          handled.catch(() => stream.destroy());
          current = { stream, handled };
          state = 'body';
        }
        if (state === 'body') {
          const i = buf.indexOf(delimiter);
          if (i < 0) {
            // Keep a tail that may be the start of a delimiter split across chunks.
            const keep = delimiter.length - 1;
            if (buf.length > keep) {
              const out = buf.subarray(0, buf.length - keep);
              buf = Buffer.from(buf.subarray(buf.length - keep));
              await write(out);
            }
            break;
          }
          await write(buf.subarray(0, i));
          buf = buf.subarray(i + delimiter.length);
          await endPart();
          state = 'after-boundary';
          continue;
        }
        if (state === 'done') break;
      }
      if (state === 'done') break;
    }
    if (state !== 'done') throw new MultipartError('the multipart body ended before its closing boundary');
  } catch (err) {
    if (current) {
      const c = current as { stream: PassThrough; handled: Promise<void> };
      c.stream.destroy(err as Error);
      await c.handled.catch(() => undefined);
      current = null;
    }
    throw err;
  }
}
