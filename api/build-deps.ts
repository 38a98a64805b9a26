// Builds the API's dependencies from configuration (server.ts, tests and benchmarks share this).
import { S3Client } from '@aws-sdk/client-s3';
import { Client, Connection } from '@temporalio/client';
import type { Logger } from 'pino';
import { RayJobsClient } from '../integrations/ray-jobs-client.js';
import type { Config } from '../config/config.js';
import { createDb } from '../db/connection.js';
import { IdentityChangeFeed } from './auth/identity-change-feed.js';
import { IcebergCatalogClient } from './datalake/catalog-client.js';
import type { AppDeps } from './deps.js';
import { Serving } from './serving/serving.js';

export function createS3(config: Config): S3Client {
  return new S3Client({
    endpoint: config.s3.endpoint,
    region: config.s3.region,
    forcePathStyle: config.s3.forcePathStyle,
    credentials: { accessKeyId: config.s3.accessKeyId, secretAccessKey: config.s3.secretAccessKey },
  });
}

export async function buildDeps(config: Config, log: Logger): Promise<AppDeps & { close: () => Promise<void> }> {
  const db = createDb(config.postgres.url);
  const connection = await Connection.connect({ address: config.temporal.address });
  // connect() checks readiness inside the connection's AsyncLocalStorage.run(), and on Node 20 that leaves
  // async hooks on for the rest of the process: every promise of every request then pays for context
  // propagation (health check 37k -> 47k req/s without it). The API never sets call context (no
  // withDeadline / withMetadata / withAbortSignal), and the RPCs only read it, so it is switched off again.
  connection.callContextStorage.disable();
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const s3 = createS3(config);
  const ray = new RayJobsClient(config.ray.address);
  const catalog = new IcebergCatalogClient(config.iceberg);
  const serving = new Serving({ config, db, s3, log });
  const identityFeed = new IdentityChangeFeed(config.postgres.url, log);
  await identityFeed.start();
  return {
    config, db, temporal, s3, ray, catalog, serving, log, identityFeed,
    async close() {
      await serving.close(); // first: it writes its last counts to the database
      await identityFeed.close();
      await connection.close();
      await db.destroy();
      s3.destroy();
    },
  };
}
