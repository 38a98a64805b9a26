// Health-check requests per second against a bare node:http JSON server, both in their own processes.
import { fork } from 'node:child_process';
import path from 'node:path';
import { load } from './http-load.js';
import type { BenchContext, BenchResult } from './types.js';

const here = path.dirname(new URL(import.meta.url).pathname);

export async function benchHealth(ctx: BenchContext): Promise<BenchResult[]> {
  const port = 18999;
  const bare = fork(path.join(here, 'baseline-server.ts'), [String(port)], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  await new Promise((resolve) => bare.once('message', resolve));
  try {
    // Warm both up, then measure each for the same time.
    await load(`http://127.0.0.1:${port}/`, { seconds: 2 });
    await load(`${ctx.baseUrl}/api/v1/utils/health-check/`, { seconds: 2 });
    const baseline = await load(`http://127.0.0.1:${port}/`, { seconds: ctx.seconds });
    const api = await load(`${ctx.baseUrl}/api/v1/utils/health-check/`, { seconds: ctx.seconds });
    return [
      {
        name: 'health-check req/s vs bare node:http',
        value: Math.round(api.rps),
        unit: 'req/s',
        baseline: Math.round(baseline.rps),
        ratio: api.rps / baseline.rps,
        target: '>= 0.75',
        note: `p50 ${api.p50} ms, p99 ${api.p99} ms (bare: ${baseline.p50}/${baseline.p99}); errors ${api.errors + api.non2xx}`,
      },
    ];
  } finally {
    bare.kill();
  }
}
