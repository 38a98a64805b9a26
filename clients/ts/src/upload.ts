// Multipart uploads (6.1, 7.1) streamed from files or streams, never held in memory, with a byte-progress callback.
// The multipart framing is RFC 7578's, written here because fetch's FormData takes only Blobs of known size,
// not streams; the file bytes pass through a counter on their way to the socket.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/** A file to upload: a path, or a stream with its name (and its size, if known, for the progress total). */
export type UploadSource =
  | { path: string; name?: string }
  | { stream: ReadableStream<Uint8Array> | NodeJS.ReadableStream; name: string; size?: number; contentType?: string };

export interface UploadProgress {
  /** File bytes handed to the connection so far. */
  sent: number;
  /** The sum of the files' sizes; null when a stream's size is unknown. */
  total: number | null;
  /** The file being sent. */
  file: string;
}

interface Part {
  name: string;
  contentType: string;
  size: number | null;
  open: () => ReadableStream<Uint8Array>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.parquet': 'application/vnd.apache.parquet',
};

// WHATWG's multipart/form-data encoding of a file name: quotes and line breaks percent-encoded.
const quoteName = (s: string) => s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

async function toPart(src: UploadSource): Promise<Part> {
  if ('path' in src) {
    const info = await stat(src.path);
    if (!info.isFile()) throw new Error(`${src.path} is not a file`);
    const name = src.name ?? path.basename(src.path);
    return {
      name,
      contentType: CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
      size: info.size,
      open: () => Readable.toWeb(createReadStream(src.path)) as ReadableStream<Uint8Array>,
    };
  }
  const stream = src.stream;
  return {
    name: src.name,
    contentType: src.contentType ?? CONTENT_TYPES[path.extname(src.name).toLowerCase()] ?? 'application/octet-stream',
    size: src.size ?? null,
    open: () => ('getReader' in stream ? stream : (Readable.toWeb(stream as Readable) as ReadableStream<Uint8Array>)),
  };
}

/** The multipart body (every source as a `files` part), its content type, and the total to report progress against. */
export async function multipartBody(sources: UploadSource[], onProgress?: (p: UploadProgress) => void) {
  if (!sources.length) throw new Error('nothing to upload');
  const parts = await Promise.all(sources.map(toPart));
  const boundary = `----dataml${randomBytes(12).toString('hex')}`;
  const total = parts.every((p) => p.size !== null) ? parts.reduce((a, p) => a + p.size!, 0) : null;
  const enc = new TextEncoder();
  let sent = 0;

  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (const part of parts) {
      yield enc.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${quoteName(part.name)}"\r\nContent-Type: ${part.contentType}\r\n\r\n`,
      );
      onProgress?.({ sent, total, file: part.name });
      for await (const chunk of part.open() as unknown as AsyncIterable<Uint8Array>) {
        yield chunk;
        sent += chunk.byteLength;
        onProgress?.({ sent, total, file: part.name });
      }
      yield enc.encode('\r\n');
    }
    yield enc.encode(`--${boundary}--\r\n`);
  }

  return {
    body: Readable.toWeb(Readable.from(chunks())) as ReadableStream<Uint8Array>,
    contentType: `multipart/form-data; boundary=${boundary}`,
    /** Whether the body can be produced again (a retry after a refreshed token): only files on disk can. */
    replayable: sources.every((s) => 'path' in s),
  };
}
