// The one error the SDK throws for an API answer that is not a success: the API's error envelope, typed.

export interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: unknown };
  request_id?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, body: unknown, fallback = `HTTP ${status}`) {
    const env = (typeof body === 'object' && body !== null ? body : {}) as ErrorEnvelope;
    super(env.error?.message ?? (typeof body === 'string' && body ? body.slice(0, 500) : fallback));
    this.name = 'ApiError';
    this.status = status;
    this.code = env.error?.code ?? 'http_error';
    this.details = env.error?.details;
    this.requestId = env.request_id;
  }

  /** True for 401: no valid session (and a refresh did not help). */
  get isAuth(): boolean {
    return this.status === 401;
  }
}

/** Reads an error response's body as the envelope when it is JSON, as text otherwise. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (a proxy's HTML page, …): keep the text
  }
  return new ApiError(response.status, body);
}

/**
 * openapi-fetch answers `{ data }` or `{ error, response }`; this returns the data or throws an ApiError,
 * so callers write `unwrap(await client.api.GET(...))`.
 */
export function unwrap<D>(result: { data?: D; error?: unknown; response: Response }): D {
  if (result.error !== undefined || !result.response.ok) throw new ApiError(result.response.status, result.error);
  return result.data as D;
}
