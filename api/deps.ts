// What handlers get through c.get() (not c.var, which copies every variable into a new object on each read:
// a few per cent of a real-time prediction's CPU). Built once in server.ts (or by a test against its own stack).
import type { S3Client } from '@aws-sdk/client-s3';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { RayJobsClient } from '../integrations/ray-jobs-client.js';
import type { PartUrlSigner } from '../integrations/s3-part-urls.js';
import type { Config } from '../config/config.js';
import type { ChangeFeed } from './change-feed/change-feed.js';
import type { Database } from '../db/database.js';
import type { Principal } from './auth/principal.js';
import type { RateLimits } from './rate-limits.js';
import type { AuthService } from './auth/service.js';
import type { UserListCache } from './auth/user-list-cache.js';
import type { TemplateListCache } from './services/template-list-cache.js';
import type { IcebergCatalogClient } from './datalake/catalog-client.js';
import type { Serving } from './serving/serving.js';
import type { ApiMetrics } from './metrics/api-metrics.js';
import type { ModelAliasResolver } from './serving/model-aliases.js';

export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  temporal: Client;
  s3: S3Client;
  /** Signs the URLs clients upload to (upload sessions): the store under its public address. */
  partUrls: PartUrlSigner;
  ray: RayJobsClient;
  /** The Iceberg REST catalog (datalake endpoints); it keeps its OAuth2 token. */
  catalog: IcebergCatalogClient;
  /** Real-time model serving (ONNX sessions, the Python model server, prediction counts). */
  serving: Serving;
  log: Logger;
  /** Cross-process invalidation of in-memory caches (identity, templates); without it they fall back to
   *  short lifetimes or to no caching. */
  changeFeed?: ChangeFeed;
  /** Tokens and principals (it caches the signing key and each session's principal). */
  auth: AuthService;
  /** The serialized user list of each tenant (2.2). */
  userLists: UserListCache;
  /** The serialized template list of each tenant (5.2). */
  templateLists: TemplateListCache;
  /** Prometheus metrics (GET /metrics); absent in apps built without them (unit tests). */
  metrics?: ApiMetrics;
  /** `<predictor>@<alias>` → train_id for 9.1–9.4, switched by the change feed after preloading the new model. */
  modelAliases: ModelAliasResolver;
  /** Per-tenant and per-token limits of upload, train and prediction requests (shared through Postgres). */
  rateLimits?: RateLimits;
}

export type { Principal } from './auth/principal.js';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    log: Logger;
    requestId: string;
    principal?: Principal;
  };
}
