// Streaming multipart/form-data with @fastify/busboy: each file part is handed to the handler as a Readable
// while the request is still arriving, with backpressure, so a file of several gigabytes never sits in
// memory. Every stream involved (the request, the parser, each file) has its 'error' handled here: a
// malformed or cut-off body rejects the returned promise and never reaches the process as an unhandled
// 'error' event.
import { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import { refuseControlCharacters } from '../middleware/text-input.js';
import type { HttpError } from '../errors.js';

export interface MultipartPart {
  name: string;
  filename: string;
  contentType: string;
  body: Readable;
}

/** The body is not valid multipart/form-data (400). */
export class MultipartError extends Error {}

/** The body is over one of the limits below (413). */
export class MultipartLimitError extends Error {}

export interface MultipartLimits {
  /** Bytes of one file. */
  fileSize: number;
  files?: number;
}

// Bounds on what a client may make the parser hold or count; generous for real forms.
const MAX_PARTS = 1000;
const MAX_FIELDS = 100;
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_HEADER_PAIRS = 20;
const MAX_HEADER_BYTES = 16 * 1024;
const DEFAULT_MAX_FILES = 500;

export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** A file name must be text: no control characters, valid UTF-8, no undecodable RFC 5987 escape. */
function checkFilename(filename: string): void {
  try {
    refuseControlCharacters(filename, 'a file name', true);
  } catch (err) {
    throw new MultipartError((err as HttpError).message);
  }
  // busboy decodes invalid UTF-8 (raw, or percent-escaped in filename*) to U+FFFD.
  if (filename.includes('\uFFFD')) throw new MultipartError('a file name is not valid UTF-8');
  // busboy leaves an escape it cannot decode (filename*=UTF-8''a%ZZ.csv) as it is.
  if (/%(?![0-9A-Fa-f]{2})/.test(filename)) throw new MultipartError('a file name has an invalid percent-escape');
}

/**
 * Reads `source` and calls `onFile` for each file part, in order; the next file's handler starts only after
 * the previous one's promise settles. The handler must consume `part.body`. Non-file fields are ignored.
 * Rejects with MultipartError (malformed or cut-off body), MultipartLimitError, or the handler's error.
 */
export async function parseMultipart(
  source: AsyncIterable<Uint8Array> | Readable,
  contentType: string,
  limits: MultipartLimits,
  onFile: (part: MultipartPart) => Promise<void>,
): Promise<void> {
  let parser: InstanceType<typeof Busboy>;
  try {
    parser = new Busboy({
      headers: { 'content-type': contentType },
      limits: {
        fileSize: limits.fileSize,
        files: limits.files ?? DEFAULT_MAX_FILES,
        parts: MAX_PARTS,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        headerPairs: MAX_HEADER_PAIRS,
        headerSize: MAX_HEADER_BYTES,
      } as ConstructorParameters<typeof Busboy>[0]['limits'],
    });
  } catch (err) {
    throw new MultipartError(`malformed multipart request: ${(err as Error).message}`);
  }
  const input = source instanceof Readable ? source : Readable.from(source, { objectMode: false });
  const open = new Set<Readable>();
  let failure: Error | undefined;
  let chain: Promise<void> = Promise.resolve();
  let finish!: () => void;
  let abort!: (err: Error) => void;
  const parsed = new Promise<void>((resolve, reject) => {
    finish = resolve;
    abort = reject;
  });
  parsed.catch(() => undefined); // observed below; only the first failure matters

  const fail = (err: Error) => {
    if (failure) return;
    failure = err;
    // Stop parsing but let the rest of the request drain: destroying an unfinished Node request would
    // reset the connection before the error response is written.
    input.unpipe(parser);
    input.resume();
    for (const stream of open) stream.destroy(err);
    abort(err);
  };

  parser.on('file', (name: string | undefined, stream: Readable, filename: string | undefined, _enc: string, mime: string) => {
    // A listener from the start: an error on a stream no handler has taken yet must not be unhandled.
    stream.on('error', () => undefined);
    if (failure || name !== 'files' || filename === undefined) {
      stream.resume(); // other file fields are ignored, as are the rest after a failure
      return;
    }
    try {
      checkFilename(filename);
    } catch (err) {
      stream.resume();
      return fail(err as Error);
    }
    open.add(stream);
    stream.once('close', () => open.delete(stream));
    stream.once('end', () => open.delete(stream));
    stream.on('limit', () => {
      const err = new MultipartLimitError(`a file exceeds the limit of ${limits.fileSize} bytes`);
      stream.destroy(err);
      fail(err);
    });
    chain = chain.then(() => {
      if (failure) {
        stream.resume();
        return;
      }
      return onFile({ name, filename, contentType: mime, body: stream }).catch((err: Error) => fail(err));
    });
  });
  parser.on('field', () => undefined);
  parser.on('filesLimit', () => fail(new MultipartLimitError(`too many files (at most ${limits.files ?? DEFAULT_MAX_FILES})`)));
  parser.on('partsLimit', () => fail(new MultipartLimitError(`too many parts (at most ${MAX_PARTS})`)));
  parser.on('fieldsLimit', () => fail(new MultipartLimitError(`too many fields (at most ${MAX_FIELDS})`)));
  parser.on('error', (err: Error) => fail(new MultipartError(`malformed multipart body: ${err.message}`)));
  parser.on('finish', () => finish());
  input.on('error', (err: Error) => fail(new MultipartError(`the request body could not be read: ${err.message}`)));
  input.on('close', () => {
    if (!input.readableEnded) fail(new MultipartError('the request body was cut off'));
  });
  input.pipe(parser);

  try {
    await parsed;
  } catch {
    /* failure is set */
  }
  await chain; // each handler's error went through fail()
  if (failure) throw failure;
}
