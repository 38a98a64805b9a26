// Presigned UploadPart URLs for upload sessions, at a fraction of the SDK's cost per URL.
//
// The SDK's getSignedUrl builds, clones and runs a whole middleware stack (endpoint rules, serialization, a new
// signer) for every URL: ~1 ms of CPU each on a loaded 2-core machine, 64 URLs for a 1 GB file, 640 for 10 GB,
// which was most of the API's CPU on the upload-session path. The parts of one multipart upload are one
// request but for the part number (and a length, which is signed as a header, not in the URL), so the SDK
// presigns the first URL of a batch (endpoint, path or virtual-host style, key encoding, signing region and
// service all decided there), and one long-lived presigner (its signing key cached per day) signs that same
// request with each other part number.
import type { S3Client } from '@aws-sdk/client-s3';
import { UploadPartCommand } from '@aws-sdk/client-s3';
import { getSignedUrl, S3RequestPresigner } from '@aws-sdk/s3-request-presigner';

export interface PartToSign {
  partNumber: number;
  size: number;
}

export interface SignedPart {
  part_number: number;
  size: number;
  url: string;
}

/** RFC 3986 escaping of a query key or value, as the SDK's own URLs use. */
const escapeUri = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The query parameters SigV4 presigning adds; everything else in a presigned URL belongs to the request. */
const isSigningParam = (name: string) => name.toLowerCase().startsWith('x-amz-');

export class PartUrlSigner {
  private readonly presigner: S3RequestPresigner;

  /** `client`: the S3 client under the address users reach (it only signs, it sends nothing). */
  constructor(private readonly client: S3Client) {
    this.presigner = new S3RequestPresigner({ ...client.config, signingName: 's3' });
  }

  /**
   * A URL per part, each accepting exactly that part's bytes (its Content-Length is signed) until
   * `expiresInSeconds` from now; nothing is sent to S3.
   */
  async sign(
    target: { bucket: string; key: string; uploadId: string },
    parts: PartToSign[],
    expiresInSeconds: number,
  ): Promise<SignedPart[]> {
    if (!parts.length) return [];
    const expiresIn = Math.max(1, Math.floor(expiresInSeconds));
    // One signing date for the batch: every URL of it expires at the same moment.
    const signingDate = new Date();
    const [first, ...rest] = parts as [PartToSign, ...PartToSign[]];
    const firstUrl = await getSignedUrl(
      this.client,
      new UploadPartCommand({
        Bucket: target.bucket,
        Key: target.key,
        UploadId: target.uploadId,
        PartNumber: first.partNumber,
        ContentLength: first.size,
      }),
      { expiresIn, signingDate, signableHeaders: new Set(['content-length']) },
    );
    const url = new URL(firstUrl);
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) if (!isSigningParam(name)) query[name] = value;
    // X-Amz-Credential is <access key>/<date>/<region>/<service>/aws4_request: sign in the scope the SDK chose.
    const scope = (url.searchParams.get('X-Amz-Credential') ?? '').split('/');
    const signingRegion = scope.at(-3);
    const signingService = scope.at(-2);
    const others = await Promise.all(
      rest.map(async (p) => {
        const signed = await this.presigner.presign(
          {
            method: 'PUT',
            protocol: url.protocol,
            hostname: url.hostname,
            port: url.port ? Number(url.port) : undefined,
            path: url.pathname, // already escaped as the SDK sent it
            query: { ...query, partNumber: String(p.partNumber) },
            headers: { 'content-length': String(p.size) },
          },
          { expiresIn, signingDate, signingRegion, signingService, signableHeaders: new Set(['content-length']) },
        );
        const signedQuery = signed.query ?? {};
        const search = Object.keys(signedQuery)
          .sort()
          .map((name) => `${escapeUri(name)}=${escapeUri(String(signedQuery[name]))}`)
          .join('&');
        return { part_number: p.partNumber, size: p.size, url: `${url.origin}${signed.path}?${search}` };
      }),
    );
    return [{ part_number: first.partNumber, size: first.size, url: firstUrl }, ...others];
  }

  destroy(): void {
    this.client.destroy();
  }
}
