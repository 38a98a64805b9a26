// The typed Database interface: each module declares its tables in db/tables/<module>.ts
// and they are composed here, so modules do not edit one another's declarations.
import type { Selectable } from 'kysely';
import type { JobTables, JobsTable } from './tables/jobs.js';
import type { DataTables } from './tables/data.js';
import type { IdentityTables, UsersTable } from './tables/identity.js';
import type { TrainTables } from './tables/train.js';
import type { InferenceTables } from './tables/inference.js';
import type { IdempotencyTables } from './tables/idempotency.js';
import type { LifecycleTables } from './tables/lifecycle.js';
import type { UploadTables } from './tables/uploads.js';
import type { DriftTables } from './tables/drift.js';
import type { WebhookTables } from './tables/webhooks.js';

export interface Database
  extends JobTables,
    IdentityTables,
    DataTables,
    TrainTables,
    InferenceTables,
    IdempotencyTables,
    LifecycleTables,
    UploadTables,
    DriftTables,
    WebhookTables {}

export type JobRow = Selectable<JobsTable>;

export type UserRow = Selectable<UsersTable>;
