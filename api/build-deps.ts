// Builds the API's dependencies from configuration (server.ts, tests and benchmarks share this).
import { Client } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { Logger } from 'pino';
import { RayJobsClient } from '../integrations/ray-jobs-client.js';
import { createPublicS3, createS3 } from '../integrations/s3-client.js';
import { PartUrlSigner } from '../integrations/s3-part-urls.js';
import { tracingEnabled, type Config } from '../config/config.js';
import { createDb } from '../db/connection.js';
import { AuthService } from './auth/service.js';
import { UserListCache } from './auth/user-list-cache.js';
import { IcebergCatalogClient } from './datalake/catalog-client.js';
import type { AppDeps } from './deps.js';
import { ChangeFeed } from './change-feed/change-feed.js';
import { ALIASES_CHANNEL, FEED_CHANNELS, IDENTITY_CHANNEL, TEMPLATES_CHANNEL } from './change-feed/channels.js';
import { TemplateListCache } from './services/template-list-cache.js';
import { lazyTemporalConnection } from './temporal/connection.js';
import { Serving } from './serving/serving.js';
import { ApiMetrics } from './metrics/api-metrics.js';
import { ModelAliasResolver } from './serving/model-aliases.js';
import { RateLimits } from './rate-limits.js';

export async function buildDeps(config: Config, log: Logger): Promise<AppDeps & { close: () => Promise<void> }> {
  const db = createDb(config.postgres.url, 10, { log });
  // Lazy: the API starts and serves what does not need Temporal while Temporal is down; calls are bounded
  // by deadlines and a short retry (api/temporal/connection.ts), so an outage is a fast 503.
  const connection = lazyTemporalConnection(config.temporal.address);
  // With tracing on, a workflow start is a span of the request and carries its context to the workflow.
  const interceptors = tracingEnabled(config) ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : undefined;
  const temporal = new Client({ connection, namespace: config.temporal.namespace, interceptors });
  const s3 = createS3(config);
  const partUrls = new PartUrlSigner(createPublicS3(config));
  const ray = new RayJobsClient(config.ray.address);
  const catalog = new IcebergCatalogClient(config.iceberg);
  const metrics = config.metrics.enabled ? new ApiMetrics(db) : undefined;
  const serving = new Serving({ config, db, s3, log, metrics });
  const changeFeed = new ChangeFeed(config.postgres.url, FEED_CHANNELS, log);
  await changeFeed.start();
  const auth = new AuthService(db, config, changeFeed.topic(IDENTITY_CHANNEL));
  const userLists = new UserListCache(db, changeFeed.topic(IDENTITY_CHANNEL));
  const templateLists = new TemplateListCache(db, changeFeed.topic(TEMPLATES_CHANNEL));
  const modelAliases = new ModelAliasResolver(db, changeFeed.topic(ALIASES_CHANNEL), (tenant, id) => serving.warm(tenant, id), log);
  return {
    config,
    db,
    temporal,
    s3,
    partUrls,
    ray,
    catalog,
    serving,
    log,
    changeFeed,
    auth,
    userLists,
    templateLists,
    metrics,
    modelAliases,
    rateLimits: new RateLimits(db, config.rateLimits),
    async close() {
      await serving.close(); // first: it writes its last counts to the database
      auth.close();
      userLists.close();
      templateLists.close();
      modelAliases.close();
      await changeFeed.close();
      await connection.close();
      await db.destroy();
      s3.destroy();
      partUrls.destroy();
    },
  };
}
