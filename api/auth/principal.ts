// Who is calling. Its own module so that AppDeps (api/deps.ts) and the auth service can both name it without importing each other.

/** The caller, as established from the bearer token (never from the body). */
export interface Principal {
  userId: number;
  tenantId: string;
  username: string;
  permissions: ReadonlySet<string>;
  isPlatformAdmin: boolean;
  /** The login session (refresh-token family) the access token belongs to. */
  sessionId?: string;
}
