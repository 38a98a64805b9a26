// One probe per dependency, each bounded in time so readiness never hangs.
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { sql } from 'kysely';
import type { ReadinessResponse } from '../../../contracts/utils.js';
import type { AppDeps } from '../../deps.js';

type State = ReadinessResponse['dependencies']['postgres'];

async function probe(fn: () => Promise<unknown>, timeoutMs = 3000): Promise<State> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ready: true, latency_ms: Math.round(performance.now() - started) };
  } catch (err) {
    return { ready: false, latency_ms: Math.round(performance.now() - started), detail: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

async function catalogToken(deps: AppDeps): Promise<void> {
  const [id, secret] = deps.config.iceberg.credential.split(':');
  const res = await fetch(new URL('v1/oauth/tokens', withSlash(deps.config.iceberg.catalogUri)), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: id ?? '', client_secret: secret ?? '', scope: 'catalog' }),
  });
  if (!res.ok) throw new Error(`catalog answered HTTP ${res.status}`);
}

const withSlash = (u: string) => (u.endsWith('/') ? u : `${u}/`);

export async function checkDependencies(deps: AppDeps): Promise<ReadinessResponse> {
  const [postgres, temporal, s3, catalog, ray] = await Promise.all([
    probe(() => sql`select 1`.execute(deps.db)),
    probe(() => deps.temporal.workflowService.getSystemInfo({})),
    probe(() => deps.s3.send(new HeadBucketCommand({ Bucket: deps.config.s3.bucket }))),
    probe(() => catalogToken(deps)),
    probe(() => deps.ray.version()),
  ]);
  const dependencies = { postgres, temporal, s3, catalog, ray };
  const ok = Object.values(dependencies).every((d) => d.ready);
  return { status: ok ? 'ready' : 'degraded', dependencies };
}
