// Builds the API's dependencies from configuration (server.ts, tests and benchmarks share this).
import { S3Client } from '@aws-sdk/client-s3';
import { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { RayJobsClient } from '../integrations/ray-jobs-client.js';
import type { Config } from '../config/config.js';
import { createDb } from '../db/connection.js';
import { IdentityChangeFeed } from './auth/identity-change-feed.js';
import { AuthService } from './auth/service.js';
import { UserListCache } from './auth/user-list-cache.js';
import { IcebergCatalogClient } from './datalake/catalog-client.js';
import type { AppDeps } from './deps.js';
import { lazyTemporalConnection } from './temporal/connection.js';
import { Serving } from './serving/serving.js';

/**
 * Every S3 call of the API is bounded: without timeouts a stalled S3 held an upload for 180 s. A request
 * must connect within 2 s and have its response headers within 4 s (an 8 MiB part takes well under a
 * second locally; a streamed download's body is not bounded, only its start), tried twice: an outage
 * answers within ~8 s.
 */
export function createS3(config: Config): S3Client {
  return new S3Client({
    endpoint: config.s3.endpoint,
    region: config.s3.region,
    forcePathStyle: config.s3.forcePathStyle,
    credentials: { accessKeyId: config.s3.accessKeyId, secretAccessKey: config.s3.secretAccessKey },
    maxAttempts: 2,
    // The options of the SDK's own NodeHttpHandler.
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 4_000, throwOnRequestTimeout: true },
  });
}

export async function buildDeps(config: Config, log: Logger): Promise<AppDeps & { close: () => Promise<void> }> {
  const db = createDb(config.postgres.url, 10, { log });
  // Lazy: the API starts and serves what does not need Temporal while Temporal is down; calls are bounded
  // by deadlines and a short retry (api/temporal/connection.ts), so an outage is a fast 503.
  const connection = lazyTemporalConnection(config.temporal.address);
  // Any AsyncLocalStorage.run() (connect() runs its check in one) leaves async hooks on for the rest of the
  // process on Node 20: every promise of every request then pays for context propagation (health check
  // 37k -> 47k req/s without it). The API never sets call context (no withDeadline / withMetadata /
  // withAbortSignal; deadlines come from an interceptor), and the RPCs only read it, so it is switched off.
  connection.callContextStorage.disable();
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const s3 = createS3(config);
  const ray = new RayJobsClient(config.ray.address);
  const catalog = new IcebergCatalogClient(config.iceberg);
  const serving = new Serving({ config, db, s3, log });
  const identityFeed = new IdentityChangeFeed(config.postgres.url, log);
  await identityFeed.start();
  const auth = new AuthService(db, config, identityFeed);
  const userLists = new UserListCache(db, identityFeed);
  return {
    config, db, temporal, s3, ray, catalog, serving, log, identityFeed, auth, userLists,
    async close() {
      await serving.close(); // first: it writes its last counts to the database
      auth.close();
      userLists.close();
      await identityFeed.close();
      await connection.close();
      await db.destroy();
      s3.destroy();
    },
  };
}
