// createActivities(deps): the only code that does I/O on behalf of workflows.
import type { S3Client } from '@aws-sdk/client-s3';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { createDatasetActivities } from './datasets.js';
import { createMetadataActivities } from './metadata.js';
import { createRayActivities } from './ray.js';
import { createTrainActivities } from './train.js';
import { createInferenceActivities } from './inference.js';
import type { JobMetrics } from './job-metrics.js';
import { createUploadSessionActivities } from './upload-sessions.js';
import { createRetrainActivities } from './retrain.js';
import { createDriftActivities } from './drift.js';
import { createWebhookActivities } from './webhooks.js';
import type { RayJobsClient } from '../integrations/ray-jobs-client.js';
import type { WarmRunners } from '../integrations/warm-runners.js';

export interface ActivityDeps {
  config: Config;
  db: Kysely<Database>;
  ray: RayJobsClient;
  s3: S3Client;
  /** Job and Ray metrics (the worker's registry); absent in tests that do not look at them. */
  metrics?: JobMetrics;
  /** Long-lived Ray actors for small steps (absent: every step is a Ray job). */
  warm?: WarmRunners;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createRayActivities(deps),
    ...createMetadataActivities(deps),
    ...createDatasetActivities(deps),
    ...createTrainActivities(deps),
    ...createInferenceActivities(deps),
    ...createUploadSessionActivities(deps),
    ...createRetrainActivities(deps),
    ...createDriftActivities(deps),
    ...createWebhookActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
