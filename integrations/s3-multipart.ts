// The S3 side of upload sessions (the API and the worker): a multipart upload whose parts the client PUTs
// itself through presigned URLs (integrations/s3-part-urls.ts; the API never sees the bytes), listed to resume,
// completed or aborted.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/** S3's limits on a multipart upload. */
export const MAX_PARTS = 10_000;

export interface PartPlan {
  partSize: number;
  partCount: number;
  /** Size of part `n` (1-based): every part is `partSize` but the last. */
  sizeOf(n: number): number;
}

/** Parts of `preferred` bytes, larger when the file would need more than S3's 10,000 parts. */
export function planParts(size: number, preferred: number): PartPlan {
  const partSize = Math.max(preferred, Math.ceil(size / MAX_PARTS));
  const partCount = Math.max(1, Math.ceil(size / partSize));
  return { partSize, partCount, sizeOf: (n) => (n < partCount ? partSize : size - partSize * (partCount - 1)) };
}

export async function createMultipart(s3: S3Client, bucket: string, key: string): Promise<string> {
  const r = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: 'text/csv' }));
  return r.UploadId!;
}

export interface StoredPart {
  partNumber: number;
  size: number;
  etag: string;
}

/** The parts S3 already holds (every page of ListParts). Throws NoSuchUpload once the upload is gone. */
export async function listParts(s3: S3Client, bucket: string, key: string, uploadId: string): Promise<StoredPart[]> {
  const parts: StoredPart[] = [];
  let marker: string | undefined;
  do {
    const page = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumberMarker: marker }));
    for (const p of page.Parts ?? []) parts.push({ partNumber: p.PartNumber!, size: p.Size ?? 0, etag: p.ETag ?? '' });
    marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
  } while (marker);
  return parts;
}

export async function completeMultipart(s3: S3Client, bucket: string, key: string, uploadId: string, parts: StoredPart[]): Promise<void> {
  await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
    }),
  );
}

export async function abortMultipart(s3: S3Client, bucket: string, key: string, uploadId: string): Promise<void> {
  try {
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
  } catch (err) {
    if (!isNoSuchUpload(err)) throw err;
  }
}

/** The multipart upload no longer exists (completed, aborted, or expired by the store's own lifecycle). */
export function isNoSuchUpload(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchUpload' || e?.Code === 'NoSuchUpload' || (e?.$metadata?.httpStatusCode === 404 && e?.name !== 'NoSuchBucket');
}
