// Prediction limits count in memory (the real-time hot path makes no Postgres round trip for them); uploads and
// trainings count in Postgres (test/integration/api-conventions.test.ts). No database here: a Kysely without a
// pool gets only the in-memory limiters.
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/principal.js';
import { HttpError } from '../../api/errors.js';
import { RateLimits } from '../../api/rate-limits.js';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/database.js';

const config: Config['rateLimits'] = {
  windowSeconds: 60,
  uploadPerTenant: 1,
  uploadPerToken: 1,
  trainPerTenant: 1,
  trainPerToken: 1,
  predictPerTenant: 3,
  predictPerToken: 2,
};
const who = (tenantId: string, sessionId: string) => ({ tenantId, sessionId, userId: 1 }) as unknown as Principal;

describe('prediction rate limits', () => {
  it('limit a token, then its tenant, in memory, with Retry-After; other tenants go on', async () => {
    const limits = new RateLimits({} as Kysely<Database>, config);
    await limits.consume('predict', who('t1', 'a'));
    await limits.consume('predict', who('t1', 'a'));
    const overToken = await limits.consume('predict', who('t1', 'a')).catch((e) => e);
    expect(overToken).toBeInstanceOf(HttpError);
    expect(overToken.status).toBe(429);
    expect(Number(overToken.headers['Retry-After'])).toBeGreaterThan(0);
    const overTenant = await limits.consume('predict', who('t1', 'b')).catch((e) => e);
    expect(overTenant.status).toBe(429);
    expect(overTenant.message).toMatch(/tenant/);
    await limits.consume('predict', who('t2', 'c'));
  });

  it('a limit of 0 is off', async () => {
    const limits = new RateLimits({} as Kysely<Database>, { ...config, predictPerTenant: 0, predictPerToken: 0 });
    for (let i = 0; i < 10; i++) await limits.consume('predict', who('t1', 'a'));
  });
});
