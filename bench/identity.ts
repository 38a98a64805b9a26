// Authenticated GET /api/v1/users/read-users/ req/s, as a ratio to the health check measured in the same run
// (same API process, same load generator): the cost of token verification, the principal lookup and the query.
import { load } from './http-load.js';
import type { BenchContext, BenchResult } from './types.js';

export async function benchReadUsers(ctx: BenchContext): Promise<BenchResult[]> {
  const token = await ctx.adminToken();
  const health = `${ctx.baseUrl}/api/v1/utils/health-check/`;
  const users = `${ctx.baseUrl}/api/v1/users/read-users/`;
  const auth = { authorization: `Bearer ${token}` };
  const probe = await fetch(users, { headers: auth });
  if (!probe.ok) throw new Error(`read-users answered HTTP ${probe.status}`);

  await load(health, { seconds: 2 });
  await load(users, { seconds: 2, headers: auth });
  // Alternate halves so that drift of a shared machine hits both sides alike.
  const half = Math.max(1, Math.round(ctx.seconds / 2));
  const h1 = await load(health, { seconds: half });
  const u1 = await load(users, { seconds: half, headers: auth });
  const u2 = await load(users, { seconds: half, headers: auth });
  const h2 = await load(health, { seconds: half });
  const healthRps = (h1.rps + h2.rps) / 2;
  const usersRps = (u1.rps + u2.rps) / 2;
  return [
    {
      name: 'read-users (authenticated) req/s vs health-check',
      value: Math.round(usersRps),
      unit: 'req/s',
      baseline: Math.round(healthRps),
      ratio: usersRps / healthRps,
      target: '>= 0.5',
      note: `read-users p50 ${u1.p50}/${u2.p50} ms, p99 ${u1.p99}/${u2.p99} ms; errors ${u1.errors + u2.errors + u1.non2xx + u2.non2xx}`,
    },
  ];
}
