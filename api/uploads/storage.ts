// Streaming uploads of raw files (the bronze layer) to S3 with a size limit; their keys: api/storage/keys.ts.
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { AbortMultipartUploadCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

export const SNIFF_BYTES = 64 * 1024;

export class SizeLimitError extends Error {
  constructor(readonly limit: number) {
    super(`upload exceeds the limit of ${limit} bytes`);
  }
}

/** S3 failed or timed out while storing an upload: the client should retry later (503). */
export class StorageUnavailableError extends Error {
  constructor(readonly cause: unknown) {
    super('object storage is unavailable; retry later');
  }
}

export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
  /** The first bytes, for template inference. */
  head: Buffer;
}

/** Part size and parts in flight: at most PART_SIZE * (QUEUE_SIZE + 1) bytes are buffered per upload. */
export const PART_SIZE = 8 * 1024 * 1024;
export const QUEUE_SIZE = 3;

const unsignedParts = new WeakSet<S3Client>();

/**
 * A part's own Content-Type. S3 ignores it (the object's type is set when the upload is created), but
 * SeaweedFS's volume servers gzip every chunk whose type is text (or unknown and sniffed as text): about
 * 2 s of CPU per GB of CSV written, and a gunzip on every read. Raw files are read once to validate and
 * then streamed back as they are, so they are stored uncompressed.
 */
const RAW_PART_CONTENT_TYPE = 'application/vnd.dataml.raw-part';

/**
 * The body of an UploadPart is already hashed once here (SHA-256, for duplicate detection) and carries the
 * SDK's CRC32 checksum header; signing it as well would hash every byte a second time. Parts are therefore
 * sent with `x-amz-content-sha256: UNSIGNED-PAYLOAD` (the headers stay signed, the CRC32 guards the bytes).
 * They also get RAW_PART_CONTENT_TYPE (set before signing, so it is a signed header).
 */
function signPartsUnsigned(s3: S3Client): void {
  if (unsignedParts.has(s3)) return;
  unsignedParts.add(s3);
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { headers?: Record<string, string> } | undefined;
      if (context.commandName === 'UploadPartCommand' && request?.headers) {
        request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
        request.headers['content-type'] = RAW_PART_CONTENT_TYPE;
      }
      return next(args);
    },
    { step: 'build', name: 'datamlUnsignedUploadPart', override: true },
  );
}

/**
 * Streams `body` into S3 as a multipart upload (parts of 8 MiB, three in flight), hashing and counting it
 * in the same pass. `budget.remaining` is shared by all files of one request; going over it aborts the upload.
 */
export async function streamToS3(
  s3: S3Client,
  bucket: string,
  key: string,
  body: Readable,
  budget: { remaining: number; limit: number },
  contentType = 'text/csv',
): Promise<StoredObject> {
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLen = 0;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      budget.remaining -= chunk.length;
      if (budget.remaining < 0) return cb(new SizeLimitError(budget.limit));
      hash.update(chunk);
      if (headLen < SNIFF_BYTES) {
        const part = chunk.subarray(0, SNIFF_BYTES - headLen);
        headChunks.push(Buffer.from(part));
        headLen += part.length;
      }
      cb(null, chunk);
    },
  });
  let failure: Error | undefined;
  body.on('error', (e) => meter.destroy(e));
  meter.on('error', (e) => (failure ??= e));
  body.pipe(meter);
  signPartsUnsigned(s3);
  const upload = new Upload({
    client: s3,
    params: { Bucket: bucket, Key: key, Body: meter, ContentType: contentType },
    partSize: PART_SIZE,
    queueSize: QUEUE_SIZE,
    // The multipart upload is aborted below rather than by lib-storage, which would await the abort even
    // while S3 is the failing party and so hold the client's error answer for another round of timeouts.
    leavePartsOnError: true,
  });
  try {
    await upload.done();
  } catch (err) {
    const uploadId = (upload as unknown as { uploadId?: string }).uploadId;
    const aborted = uploadId
      ? s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined)
      : undefined;
    // Our own stream's error (size limit, malformed or cut-off body) wins: S3 is fine, so no part is left
    // when the client gets its answer. Anything else came from S3; its parts go when S3 answers again.
    if (failure) {
      await aborted;
      throw failure;
    }
    throw new StorageUnavailableError(err);
  }
  if (failure) throw failure;
  return { key, size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks) };
}
