// Which dependency, if any, an error says is down. The one error handler (app.ts) answers those with
// 503 + Retry-After instead of 500, so clients back off and retry while Postgres, Temporal, S3, the
// Iceberg catalog or Ray come back; any other error keeps its own status.
import { isGrpcServiceError } from '@temporalio/client';
import { RayUnavailableError } from '../integrations/ray-jobs-client.js';
import { isPostgresUnavailable, NETWORK_CODES as POSTGRES_NETWORK_CODES } from '../db/connection.js';
import { CatalogUnavailableError } from './datalake/catalog-client.js';
import { HttpError } from './errors.js';

/** What a client is told to wait before retrying: long enough for a restart, short enough to notice recovery. */
export const RETRY_AFTER_SECONDS = 5;

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const NETWORK_CODES = new Set([...POSTGRES_NETWORK_CODES, 'ECONNABORTED', 'UND_ERR_SOCKET']);
const S3_UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'NetworkingError',
  'ServiceUnavailable',
  'SlowDown',
  'InternalError',
]);

/** The error and its causes, outermost first (bounded: a cyclic cause chain must not loop). */
function* chain(err: unknown): Generator<unknown> {
  for (let e = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) yield e;
}

function isTemporalUnavailable(e: unknown): boolean {
  return isGrpcServiceError(e) && (e.code === GRPC_UNAVAILABLE || e.code === GRPC_DEADLINE_EXCEEDED);
}

/** AWS SDK errors carry `$metadata`; network failures and timeouts keep the socket's code or a timeout name. */
function isS3Unavailable(e: unknown): boolean {
  if (!e || typeof e !== 'object' || !('$metadata' in e)) return false;
  const { code, name, $metadata } = e as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  if ((code && NETWORK_CODES.has(code)) || (name && S3_UNAVAILABLE_NAMES.has(name))) return true;
  const status = $metadata?.httpStatusCode;
  return status === 502 || status === 503 || status === 504;
}

/** The name of the dependency that `err` says is unreachable, or undefined when it says something else. */
export function unavailableDependency(err: unknown): string | undefined {
  for (const e of chain(err)) {
    if (e instanceof HttpError) return undefined; // already decided by the code that threw it
    if (isPostgresUnavailable(e)) return 'Postgres';
    if (isTemporalUnavailable(e)) return 'Temporal';
    if (isS3Unavailable(e)) return 'S3';
    if (e instanceof CatalogUnavailableError) return 'Iceberg catalog';
    if (e instanceof RayUnavailableError) return 'Ray';
  }
  return undefined;
}

export const dependencyUnavailable = (which: string) =>
  new HttpError(503, 'dependency_unavailable', `${which} is unavailable; retry shortly`, undefined, {
    'Retry-After': String(RETRY_AFTER_SECONDS),
  });
