// The S3 client of the API and the worker, with the timeouts every call needs.
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Config } from '../config/config.js';

/**
 * Every S3 call is bounded: without timeouts a stalled S3 held an upload for 180 s. A request
 * must connect within 2 s and have its response headers within 4 s (an 8 MiB part takes well under a
 * second locally; a streamed download's body is not bounded, only its start), tried twice: an outage
 * answers within ~8 s.
 */
export function createS3(config: Config, endpoint = config.s3.endpoint, extra: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({
    ...extra,
    endpoint,
    region: config.s3.region,
    forcePathStyle: config.s3.forcePathStyle,
    credentials: { accessKeyId: config.s3.accessKeyId, secretAccessKey: config.s3.secretAccessKey },
    maxAttempts: 2,
    // The options of the SDK's own NodeHttpHandler.
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 4_000, throwOnRequestTimeout: true },
  });
}

/**
 * The client that signs URLs handed to users (upload sessions' part URLs): the same store under the address
 * clients reach (`S3_PUBLIC_ENDPOINT`, e.g. a load balancer or AWS's own endpoint), which may differ from the
 * API's. It only signs; it sends nothing. Checksums only when required: by default the SDK would sign the CRC32
 * of the (empty) body it presigns for, and the store would then refuse every real part.
 */
export function createPublicS3(config: Config): S3Client {
  return createS3(config, config.s3.publicEndpoint ?? config.s3.endpoint, { requestChecksumCalculation: 'WHEN_REQUIRED' });
}
