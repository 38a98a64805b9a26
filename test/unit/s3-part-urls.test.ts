// The cheap part-URL signer must hand out exactly the URLs the SDK's getSignedUrl would (same signing date):
// path-style (the embedded store) and virtual-hosted (AWS), a key that needs escaping, temporary credentials.
// That the store accepts them, and refuses a tampered or expired one, is test/integration/s3-part-urls.test.ts.
import { S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { PartUrlSigner } from '../../integrations/s3-part-urls.js';

const TARGET = {
  bucket: 'dataml',
  key: 'tenants/t-1/datasets/7/raw/12-my file (ä+1).csv',
  uploadId: 'VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA.-_~',
};
const PARTS = [
  { partNumber: 3, size: 16 * 1024 * 1024 },
  { partNumber: 4, size: 16 * 1024 * 1024 },
  { partNumber: 9, size: 16 * 1024 * 1024 },
  { partNumber: 10, size: 1234 },
];

/** X-Amz-Date (yyyyMMddTHHmmssZ) back to a Date. */
function signedAt(url: string): Date {
  const d = new URL(url).searchParams.get('X-Amz-Date')!;
  return new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`);
}

const clients: Record<string, () => S3Client> = {
  'path-style endpoint (the embedded store)': () =>
    new S3Client({
      endpoint: 'http://127.0.0.1:8333',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
    }),
  'virtual-hosted AWS endpoint with a session token': () =>
    new S3Client({
      region: 'eu-west-3',
      credentials: { accessKeyId: 'ASIA123', secretAccessKey: 'secret/with+chars', sessionToken: 'token/with=chars+' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
    }),
};

describe('PartUrlSigner', () => {
  for (const [name, make] of Object.entries(clients)) {
    it(`signs every part exactly as getSignedUrl would: ${name}`, async () => {
      const client = make();
      const signer = new PartUrlSigner(client);
      const signed = await signer.sign(TARGET, PARTS, 3600.7);
      expect(signed.map((p) => [p.part_number, p.size])).toEqual(PARTS.map((p) => [p.partNumber, p.size]));
      const signingDate = signedAt(signed[0]!.url);
      for (const [i, p] of PARTS.entries()) {
        const expected = await getSignedUrl(
          client,
          new UploadPartCommand({
            Bucket: TARGET.bucket,
            Key: TARGET.key,
            UploadId: TARGET.uploadId,
            PartNumber: p.partNumber,
            ContentLength: p.size,
          }),
          { expiresIn: 3600, signingDate, signableHeaders: new Set(['content-length']) },
        );
        expect(signed[i]!.url).toBe(expected);
      }
      // Each URL is its own: a different signature per part (and per length, signed as a header).
      expect(new Set(signed.map((p) => new URL(p.url).searchParams.get('X-Amz-Signature'))).size).toBe(PARTS.length);
      signer.destroy();
    });
  }

  it('signs nothing for no parts, and at least one second of validity', async () => {
    const signer = new PartUrlSigner(clients['path-style endpoint (the embedded store)']!());
    expect(await signer.sign(TARGET, [], 60)).toEqual([]);
    const [only] = await signer.sign(TARGET, [PARTS[0]!], 0.2);
    expect(new URL(only!.url).searchParams.get('X-Amz-Expires')).toBe('1');
    signer.destroy();
  });
});
