// Dependencies that are down, without a stack: every client points at a port where nothing listens. The
// API answers 503 + Retry-After naming the dependency, fast, on routes that need it; health and docs keep
// serving. (The drills in test/drills/ do the same against the real components, stopped mid-traffic.)
import { createServer } from 'node:net';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IcebergCatalogClient } from '../../api/datalake/catalog-client.js';
import { Serving } from '../../api/serving/serving.js';
import { ModelAliasResolver } from '../../api/serving/model-aliases.js';
import { RayJobsClient } from '../../integrations/ray-jobs-client.js';
import { createApp } from '../../api/app.js';
import { AuthService } from '../../api/auth/service.js';
import { UserListCache } from '../../api/auth/user-list-cache.js';
import { TemplateListCache } from '../../api/services/template-list-cache.js';
import { createS3 } from '../../integrations/s3-client.js';
import { PartUrlSigner } from '../../integrations/s3-part-urls.js';
import { unavailableDependency } from '../../api/dependency-errors.js';
import type { AppDeps } from '../../api/deps.js';
import { createLogger } from '../../api/logger.js';
import { lazyTemporalConnection } from '../../api/temporal/connection.js';
import { loadConfig } from '../../config/config.js';
import { createDb } from '../../db/connection.js';

/** A port that was free a moment ago: connecting to it is refused, as with a stopped server. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

const timed = async <T>(fn: () => T | Promise<T>) => {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
};

describe('dependencies down', () => {
  let deps: AppDeps;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const port = await closedPort();
    // No JWT_SECRET: in test mode the signing key is read from Postgres, as locally.
    const config = loadConfig({
      DATAML_MODE: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: `postgres://dataml:dataml@127.0.0.1:${port}/dataml`,
      TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      ICEBERG_CATALOG_URI: `http://127.0.0.1:${port}`,
      RAY_ADDRESS: `http://127.0.0.1:${port}`,
    });
    const log = createLogger('silent', 'unit');
    const db = createDb(config.postgres.url);
    const s3 = createS3(config);
    deps = {
      config,
      log,
      db,
      temporal: new Client({ connection: lazyTemporalConnection(config.temporal.address) }),
      s3,
      partUrls: new PartUrlSigner(s3),
      ray: new RayJobsClient(config.ray.address),
      catalog: new IcebergCatalogClient(config.iceberg),
      serving: new Serving({ config, db, s3, log }),
      auth: new AuthService(db, config),
      userLists: new UserListCache(db),
      templateLists: new TemplateListCache(db),
      modelAliases: new ModelAliasResolver(db, undefined, async () => {}),
    };
    app = createApp(deps);
  });
  afterAll(async () => {
    await deps.serving.close();
    await deps.db.destroy();
    await deps.temporal.connection.close();
    deps.s3.destroy();
  });

  it('a route that reads Postgres answers 503 with Retry-After within 2 s, naming Postgres', async () => {
    const { value: res, ms } = await timed(() => app.request('/api/v1/template/list', { headers: { authorization: 'Bearer a.b.c' } }));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await res.json()) as { error: { code: string; message: string }; request_id: string };
    expect(body.error).toEqual({ code: 'dependency_unavailable', message: 'Postgres is unavailable; retry shortly' });
    expect(body.request_id).toBeTruthy();
    expect(ms).toBeLessThan(2000);
  });

  it('a request without a token is still a 401: nothing needs Postgres to refuse it', async () => {
    expect((await app.request('/api/v1/template/list')).status).toBe(401);
  });

  it('health check and the API documents keep serving; readiness names what is down', async () => {
    expect((await app.request('/api/v1/utils/health-check/')).status).toBe(200);
    expect((await app.request('/openapi.json')).status).toBe(200);
    expect((await app.request('/docs')).status).toBe(200);
    const { value: res, ms } = await timed(() => app.request('/api/v1/utils/readiness/'));
    expect(res.status).toBe(503);
    const report = (await res.json()) as { status: string; dependencies: Record<string, { ready: boolean }> };
    expect(report.status).toBe('degraded');
    for (const name of ['postgres', 'temporal', 's3', 'catalog', 'ray']) expect(report.dependencies[name]?.ready, name).toBe(false);
    expect(ms).toBeLessThan(3500);
  });

  it('a workflow start fails within 2 s and is recognised as Temporal being unavailable', async () => {
    const { value: err, ms } = await timed(() =>
      deps.temporal.workflow.start('anyWorkflow', { taskQueue: 'q', workflowId: 'unit-temporal-down', args: [] }).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(err).toBeInstanceOf(Error);
    expect(unavailableDependency(err)).toBe('Temporal');
    expect(ms).toBeLessThan(2000);
  });

  it('S3 and Ray network failures are recognised as theirs', async () => {
    const s3err = await deps.s3.send(new HeadBucketCommand({ Bucket: 'b' })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(unavailableDependency(s3err)).toBe('S3');
    const rayErr = await deps.ray.version().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(unavailableDependency(rayErr)).toBe('Ray');
  });

  it('other errors are not taken for an outage', () => {
    expect(unavailableDependency(new Error('Connection terminated unexpectedly'))).toBeUndefined(); // not from our pool
    expect(unavailableDependency(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeUndefined();
    expect(unavailableDependency(undefined)).toBeUndefined();
  });
});
