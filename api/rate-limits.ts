// Rate limits of the expensive routes (upload, train, prediction), per tenant and per token, with
// rate-limiter-flexible. Uploads and trainings count in its Postgres store: every API process counts in the same
// table (migration 2026_12_02_1320), so N processes do not allow N times the limit. Predictions count in memory,
// per API process: 9.1 is the real-time hot path (a few ms), and a Postgres upsert per request on one row per
// tenant would add round trips and serialize a tenant's predictions on that row's lock; with N processes a
// tenant gets up to N times the prediction limit (docs/operations.md). Over the limit: 429 with Retry-After.
// One per AppDeps (built in build-deps.ts).
import type { Kysely } from 'kysely';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config/config.js';
import { poolOf } from '../db/connection.js';
import type { Database } from '../db/database.js';
import type { Principal } from './auth/principal.js';
import { tooManyRequests } from './errors.js';

export type RateKind = 'upload' | 'train' | 'predict';
type Scope = 'tenant' | 'token';

export class RateLimits {
  private readonly limiters = new Map<`${RateKind}:${Scope}`, RateLimiterAbstract>();

  constructor(db: Kysely<Database>, config: Config['rateLimits']) {
    const pool = poolOf(db);
    const points: Record<`${RateKind}:${Scope}`, number> = {
      'upload:tenant': config.uploadPerTenant,
      'upload:token': config.uploadPerToken,
      'train:tenant': config.trainPerTenant,
      'train:token': config.trainPerToken,
      'predict:tenant': config.predictPerTenant,
      'predict:token': config.predictPerToken,
    };
    for (const [name, n] of Object.entries(points) as Array<[`${RateKind}:${Scope}`, number]>) {
      if (n === 0) continue;
      const options = { keyPrefix: name.replace(':', '_'), points: n, duration: config.windowSeconds };
      if (name.startsWith('predict:')) {
        this.limiters.set(name, new RateLimiterMemory(options));
      } else if (pool) {
        this.limiters.set(
          name,
          new RateLimiterPostgres({ ...options, storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true }),
        );
      }
    }
  }

  /** Counts one `kind` request of `principal`; throws the 429 when its tenant or its token is over the limit. */
  async consume(kind: RateKind, principal: Principal): Promise<void> {
    const keys: Array<[Scope, string]> = [
      ['tenant', principal.tenantId],
      ['token', principal.sessionId ?? `user-${principal.userId}`],
    ];
    for (const [scope, key] of keys) {
      const limiter = this.limiters.get(`${kind}:${scope}`);
      if (!limiter) continue;
      try {
        await limiter.consume(key);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        throw tooManyRequests(`Too many ${kind} requests for this ${scope}; retry in ${retryAfter} s`, retryAfter);
      }
    }
  }
}
