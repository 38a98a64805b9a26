// One error type for the API; the one error handler in app.ts turns it (and everything else) into JSON.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../contracts/error-codes.js';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'bad_request', message, details);
export const unauthorized = (message = 'Not authenticated') =>
  new HttpError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (message: string, details?: unknown) => new HttpError(403, 'forbidden', message, details);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new HttpError(409, 'conflict', message, details);
export const payloadTooLarge = (message: string) => new HttpError(413, 'payload_too_large', message);
export const unprocessable = (message: string, details?: unknown) => new HttpError(422, 'validation_error', message, details);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new HttpError(429, 'too_many_requests', message, undefined, { 'Retry-After': String(retryAfterSeconds) });
