// Tokens and principals. One AuthService per AppDeps (built in build-deps.ts, `deps.auth`): it caches the signing key and each
// session's principal, so an authenticated request usually costs no query. With the identity change feed
// live, a principal is kept until its tenant changes (any process); without it, for a couple of seconds.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import { loadPrincipal } from '../../db/repositories/rbac.js';
import { getOrCreateSecret } from '../../db/repositories/secrets.js';
import { createFamily, insertRefreshToken } from '../../db/repositories/tokens.js';
import type { Principal } from './principal.js';
import type { ChangeTopic } from '../change-feed/change-feed.js';
import { unauthorized } from '../errors.js';

export const JWT_ISSUER = 'dataml-platform';
export const JWT_AUDIENCE = 'dataml-api';
const ALG = 'HS256';
type Db = Kysely<Database> | Transaction<Database>;
/** How long a verified session's principal is reused in-process when no change feed is live. Kept short
 *  so that deactivation, revocation and role changes made by another API process take effect within this delay. */
export const PRINCIPAL_CACHE_MS = 2000;
/** With the feed live, changes arrive as notifications; this only bounds the harm of a lost one. */
export const PRINCIPAL_CACHE_LIVE_MS = 60_000;
const CACHE_MAX = 10_000;

export interface AccessClaims {
  sub: string; // user id
  tid: string; // tenant id
  sid: string; // session (refresh-token family) id
  jti: string;
}

export interface IssuedTokens {
  access_token: string;
  token_type: 'bearer';
  refresh_token: string;
  expires_in: number;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const newRefreshToken = () => randomBytes(32).toString('base64url');

export class AuthService {
  private keyPromise: Promise<Uint8Array> | undefined;
  private cache = new Map<string, { principal: Principal; until: number; generation: number }>();
  private verified = new Map<string, { claims: AccessClaims; exp: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: Config,
    private readonly feed?: ChangeTopic,
  ) {}

  /** The HS256 key: JWT_SECRET, or (local/test mode only) a random one persisted in Postgres. */
  key(): Promise<Uint8Array> {
    this.keyPromise ??= (async () => {
      const configured = this.config.auth.jwtSecret;
      if (configured) return new TextEncoder().encode(configured);
      if (this.config.mode === 'production') throw new Error('JWT_SECRET is required in production');
      const secret = await getOrCreateSecret(this.db, 'jwt_hs256', randomBytes(48).toString('base64url'));
      return new TextEncoder().encode(secret);
    })();
    this.keyPromise.catch(() => (this.keyPromise = undefined));
    return this.keyPromise;
  }

  get accessTtl(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  async signAccessToken(claims: { userId: number; tenantId: string; sessionId: string }, ttlSeconds = this.accessTtl): Promise<string> {
    return new SignJWT({ tid: claims.tenantId, sid: claims.sessionId })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(String(claims.userId))
      .setJti(randomUUID())
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(await this.key());
  }

  /** Starts a session (a new refresh-token family) and issues its first token pair. */
  async startSession(db: Db, user: { id: number; tenantId: string }): Promise<IssuedTokens> {
    const sessionId = randomUUID();
    await createFamily(db, { id: sessionId, userId: user.id, tenantId: user.tenantId });
    const refresh = await this.addRefreshToken(db, sessionId);
    const access = await this.signAccessToken({ userId: user.id, tenantId: user.tenantId, sessionId });
    return { access_token: access, token_type: 'bearer', refresh_token: refresh, expires_in: this.accessTtl };
  }

  async addRefreshToken(db: Db, familyId: string): Promise<string> {
    const token = newRefreshToken();
    await insertRefreshToken(db, {
      familyId,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTokenTtlSeconds * 1000),
    });
    return token;
  }

  /** Verifies signature, algorithm, issuer, audience and expiry; any failure is a 401. */
  async verifyAccessToken(token: string): Promise<AccessClaims> {
    // A token whose signature was verified stays valid until it expires: remember it (bounded), since
    // HMAC verification through jose costs more than the rest of a cached authentication.
    const known = this.verified.get(token);
    if (known) {
      if (known.exp * 1000 > Date.now()) return known.claims;
      this.verified.delete(token);
    }
    const claims = await this.verifyUncached(token);
    if (this.verified.size >= CACHE_MAX) this.verified.clear();
    this.verified.set(token, claims);
    return claims.claims;
  }

  private async verifyUncached(token: string): Promise<{ claims: AccessClaims; exp: number }> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.key(), { algorithms: [ALG], issuer: JWT_ISSUER, audience: JWT_AUDIENCE }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthorized('Token has expired');
      if (err instanceof joseErrors.JOSEError || err instanceof TypeError) throw unauthorized('Invalid token');
      throw err;
    }
    const { sub, tid, sid, jti } = payload;
    if (
      typeof sub !== 'string' ||
      !/^[1-9][0-9]{0,15}$/.test(sub) ||
      typeof tid !== 'string' ||
      typeof sid !== 'string' ||
      typeof jti !== 'string'
    ) {
      throw unauthorized('Invalid token');
    }
    if (!UUIDISH.test(sid) || typeof payload.exp !== 'number') throw unauthorized('Invalid token');
    return { claims: { sub, tid, sid, jti }, exp: payload.exp };
  }

  /** From an Authorization header to a live principal, or a 401. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw unauthorized('Not authenticated');
    const m = /^Bearer[ ]+([A-Za-z0-9_\-.]+)\s*$/i.exec(authorization);
    if (!m) throw unauthorized('Malformed Authorization header');
    const claims = await this.verifyAccessToken(m[1]!);
    const cacheKey = `${claims.sub}:${claims.sid}`;
    const now = Date.now();
    // The generation moves on every change to the tenant and whenever the feed goes down or comes back, so
    // an entry kept for a minute while the feed was live is not served once it no longer hears changes.
    const generation = this.feed?.generation(claims.tid) ?? 0;
    const hit = this.cache.get(cacheKey);
    if (hit && hit.until > now && hit.generation === generation) {
      if (hit.principal.tenantId !== claims.tid) throw unauthorized('Invalid token');
      return hit.principal;
    }
    const row = await loadPrincipal(this.db, Number(claims.sub), claims.sid);
    if (!row || row.session_revoked) throw unauthorized('Token has been revoked');
    if (!row.is_active) throw unauthorized('User is inactive');
    if (row.tenant_id !== claims.tid) throw unauthorized('Invalid token');
    const principal: Principal = {
      userId: row.id,
      tenantId: row.tenant_id,
      username: row.username,
      permissions: new Set(row.permissions),
      isPlatformAdmin: row.is_platform_admin,
      sessionId: claims.sid,
    };
    // Not kept if its tenant changed while it was being read (see TenantCache).
    if (this.feed && this.feed.generation(claims.tid) !== generation) return principal;
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(cacheKey, { principal, generation, until: now + (this.feed?.live ? PRINCIPAL_CACHE_LIVE_MS : PRINCIPAL_CACHE_MS) });
    return principal;
  }

  /**
   * Forget what this process cached (principals, user lists) for `tenantId` (every tenant when omitted)
   * after it changed identity data itself, so its own next request reads the change without waiting for
   * the NOTIFY that other processes act on.
   */
  invalidate(tenantId?: string): void {
    if (tenantId === undefined) this.cache.clear();
    else for (const [key, entry] of this.cache) if (entry.principal.tenantId === tenantId) this.cache.delete(key);
    this.feed?.bump(tenantId);
  }

  /** Forgets every cached principal and verified token (shutdown). */
  close(): void {
    this.cache.clear();
    this.verified.clear();
  }
}

const UUIDISH = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
