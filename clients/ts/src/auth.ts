// Bearer tokens for the SDK: sign-in, a refresh shortly before the access token expires, and on a 401 a refresh
// and one retry of the request (as an openapi-fetch middleware, so every generated call gets it).
import type { Middleware } from 'openapi-fetch';
import { apiErrorFrom } from './errors.js';

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  /** Epoch milliseconds when the access token expires (from `expires_in`). */
  expires_at?: number;
}

/** Refresh this long before the access token's expiry, so a request does not race it. */
const EXPIRY_MARGIN_MS = 30_000;
const NO_AUTH_PATHS = new Set(['/api/v1/login/access-token', '/api/v1/refresh', '/api/v1/logout']);

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
}

export const toTokens = (r: TokenResponse, previous?: Tokens): Tokens => ({
  access_token: r.access_token,
  // The server rotates the refresh token only sometimes: keep the old one otherwise.
  refresh_token: r.refresh_token ?? previous?.refresh_token,
  expires_at: r.expires_in ? Date.now() + r.expires_in * 1000 : undefined,
});

export class TokenStore {
  private inFlight: Promise<boolean> | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch,
    public tokens: Tokens | undefined,
    private readonly onTokens?: (tokens: Tokens | undefined) => void | Promise<void>,
  ) {}

  async set(tokens: Tokens | undefined): Promise<void> {
    this.tokens = tokens;
    await this.onTokens?.(tokens);
  }

  /** Signs in with a username and password (1.1, form-encoded). */
  async login(username: string, password: string): Promise<Tokens> {
    const res = await this.fetchImpl(`${this.baseUrl}/api/v1/login/access-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }),
    });
    if (!res.ok) throw await apiErrorFrom(res);
    const tokens = toTokens((await res.json()) as TokenResponse);
    await this.set(tokens);
    return tokens;
  }

  /** Exchanges the refresh token for a new access token (1.3). Concurrent callers share one refresh. */
  refresh(): Promise<boolean> {
    this.inFlight ??= this.doRefresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.tokens?.refresh_token;
    if (!refreshToken) return false;
    const res = await this.fetchImpl(`${this.baseUrl}/api/v1/refresh?${new URLSearchParams({ refresh_token: refreshToken })}`, {
      method: 'POST',
    });
    if (res.status === 401 || res.status === 403 || res.status === 422) {
      // The refresh token is spent, revoked or expired: the session is over.
      await res.body?.cancel();
      await this.set(undefined);
      return false;
    }
    if (!res.ok) throw await apiErrorFrom(res);
    await this.set(toTokens((await res.json()) as TokenResponse, this.tokens));
    return true;
  }

  /** A usable access token: refreshed first when it is about to expire. */
  async accessToken(): Promise<string | undefined> {
    const t = this.tokens;
    if (t?.expires_at && t.refresh_token && t.expires_at - Date.now() < EXPIRY_MARGIN_MS) await this.refresh();
    return this.tokens?.access_token;
  }

  /** The openapi-fetch middleware: bearer header, and on 401 one refresh and retry. */
  middleware(): Middleware {
    // Requests are replayable only from a copy taken before they are sent (their body is a one-shot stream).
    const copies = new Map<string, Request>();
    return {
      onRequest: async ({ request, schemaPath, id }) => {
        if (NO_AUTH_PATHS.has(schemaPath)) return undefined;
        const token = await this.accessToken();
        if (token) request.headers.set('authorization', `Bearer ${token}`);
        if (this.tokens?.refresh_token) copies.set(id, request.clone());
        return request;
      },
      onResponse: async ({ response, id }) => {
        const copy = copies.get(id);
        copies.delete(id);
        if (response.status !== 401 || !copy) return undefined;
        if (!(await this.refresh())) return undefined;
        await response.body?.cancel();
        copy.headers.set('authorization', `Bearer ${this.tokens!.access_token}`);
        return this.fetchImpl(copy);
      },
      onError: ({ id }) => {
        copies.delete(id);
      },
    };
  }
}
