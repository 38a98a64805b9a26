// The part URLs of upload sessions against the real store (SeaweedFS): a URL from the long-lived presigner (not
// the SDK's first URL of the batch) carries its part; the same URL with another part number, another key,
// another length, or after it expired, is refused, and nothing of those lands in the upload.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawFileKey } from '../../api/storage/keys.js';
import { createPublicS3, createS3 } from '../../integrations/s3-client.js';
import { abortMultipart, createMultipart, listParts } from '../../integrations/s3-multipart.js';
import { PartUrlSigner } from '../../integrations/s3-part-urls.js';
import { stackConfig } from '../support/stack.js';

const MIB = 1024 * 1024;

async function put(url: string, body: Buffer) {
  const res = await fetch(url, { method: 'PUT', body: new Blob([body as BlobPart]) });
  return { status: res.status, text: await res.text() };
}

describe('presigned part URLs on the real store', () => {
  const config = stackConfig();
  const s3 = createS3(config);
  const signer = new PartUrlSigner(createPublicS3(config));
  const bucket = config.s3.bucket;
  const key = rawFileKey(randomUUID(), 1, 1, 'parts.csv');
  let uploadId: string;

  beforeAll(async () => {
    uploadId = await createMultipart(s3, bucket, key);
  });
  afterAll(async () => {
    await abortMultipart(s3, bucket, key, uploadId).catch(() => undefined);
    signer.destroy();
    s3.destroy();
  });

  it('accepts each part at its URL and refuses a tampered or expired one', { timeout: 60_000 }, async () => {
    const target = { bucket, key, uploadId };
    const parts = [
      { partNumber: 1, size: 5 * MIB },
      { partNumber: 2, size: 5 * MIB },
      { partNumber: 3, size: 100 },
    ];
    const [, second, third] = await signer.sign(target, parts, 600);
    const body = Buffer.alloc(5 * MIB, 'b');

    // Another part number, or the same upload id under another tenant's key: the signature no longer matches.
    const renumbered = new URL(second!.url);
    renumbered.searchParams.set('partNumber', '4');
    expect((await put(renumbered.toString(), body)).status).toBe(403);
    const otherKey = new URL(second!.url);
    otherKey.pathname = otherKey.pathname.replace(/tenants\/[^/]+\//, `tenants/${randomUUID()}/`);
    expect(otherKey.pathname).not.toBe(new URL(second!.url).pathname);
    expect((await put(otherKey.toString(), body)).status).toBe(403);
    // More bytes than the part's signed length.
    expect((await put(third!.url, Buffer.alloc(101, 'c'))).status).toBe(403);

    const ok = await put(second!.url, body);
    expect(ok.status, ok.text).toBe(200);
    expect((await put(third!.url, Buffer.alloc(100, 'c'))).status).toBe(200);

    // A URL past its expiry.
    const [, stale] = await signer.sign(target, [parts[0]!, parts[2]!], 1);
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await put(stale!.url, Buffer.alloc(100, 'd'))).status).toBe(403);

    const stored = await listParts(s3, bucket, key, uploadId);
    expect(stored.map((p) => [p.partNumber, p.size]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [2, 5 * MIB],
      [3, 100],
    ]);
  });
});
