import { z } from '@hono/zod-openapi';

// Every `error.code` the API answers, with the status it comes with. Clients may branch on the code: it is
// stable (a message may change). HttpError only accepts these (api/errors.ts), the OpenAPI document lists them
// per status (api/openapi-hono.ts), and test/unit/error-codes.test.ts finds any code written elsewhere.
export const ERROR_CODES = {
  bad_request: { status: 400, description: 'Malformed request: unreadable body, parameters or multipart form' },
  invalid_idempotency_key: { status: 400, description: 'Idempotency-Key is not 1 to 255 visible ASCII characters' },
  unauthorized: { status: 401, description: 'Missing, expired or revoked token (or a job callback without its secret)' },
  forbidden: { status: 403, description: 'The token lacks the permission the route needs, or names another tenant' },
  not_found: { status: 404, description: 'No such route, or no such resource in your tenant' },
  method_not_allowed: { status: 405, description: 'The path exists with other methods (listed in the message)' },
  conflict: { status: 409, description: 'The resource is not in a state that allows this (duplicate name, job running…)' },
  idempotency_key_in_use: { status: 409, description: 'A request with this Idempotency-Key is still running; retry later' },
  payload_too_large: { status: 413, description: 'Request body or upload over the configured limit' },
  validation_error: { status: 422, description: 'Invalid parameters or body; `details` lists each field' },
  idempotency_key_reused: { status: 422, description: 'This Idempotency-Key was used for another request' },
  too_many_values: { status: 422, description: 'More distinct values than the exact counter holds' },
  too_many_requests: { status: 429, description: 'Rate limit or login throttle; retry after Retry-After seconds' },
  internal_error: { status: 500, description: 'A bug; the request_id finds it in the logs' },
  http_error: { status: 500, description: 'Any other HTTP-level failure of the framework (its status is the answer)' },
  catalog_error: { status: 502, description: 'The Iceberg REST catalog answered with an error' },
  dependency_unavailable: { status: 503, description: 'Postgres, Temporal, S3, the catalog or Ray is down; retry after Retry-After' },
  service_unavailable: { status: 503, description: 'Object storage is unavailable for an upload; retry after Retry-After' },
  timeout: { status: 504, description: 'A job the request waits for did not finish in time (it keeps running)' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** The codes that come with `status` (every code when none is declared for it, e.g. an unusual framework status). */
export function codesForStatus(status: number): [ErrorCode, ...ErrorCode[]] {
  const codes = ERROR_CODE_NAMES.filter((c) => ERROR_CODES[c].status === status);
  return codes.length ? (codes as [ErrorCode, ...ErrorCode[]]) : ERROR_CODE_NAMES;
}

export const ErrorCodeSchema = z.enum(ERROR_CODE_NAMES).openapi('ErrorCode', {
  description: `Stable error codes:\n${ERROR_CODE_NAMES.map((c) => `- \`${c}\` (${ERROR_CODES[c].status}): ${ERROR_CODES[c].description}`).join('\n')}`,
});
